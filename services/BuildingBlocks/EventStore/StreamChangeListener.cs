using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RobuustOD.EventStore;

/// <summary>
/// Hears the commits of other instances on the same database: Marten sends <c>pg_notify('mt_events_appended')</c> (no
/// payload) with every append, which PostgreSQL delivers after the commit. On a notification this asks which streams
/// were written in the last <see cref="Window"/> (<c>mt_streams.timestamp</c> is the writing transaction's start,
/// and commits finish out of sequence order, so a window rather than a high-water mark) and tells the caches their
/// versions; at most once per <see cref="MinInterval"/>, so a burst of writes costs a few small queries. Every
/// <see cref="SweepInterval"/>, and on every (re)connection before the caches trust themselves again, it compares every
/// stream's version: the safety net for a transaction longer than the window or a notification lost with a connection.
/// </summary>
public sealed partial class StreamChangeListener(IDocumentStore store, StreamChanges changes, ILogger<StreamChangeListener> logger)
    : BackgroundService
{
    public const string Channel = "mt_events_appended";

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly string _streams = $"{store.Options.Events.DatabaseSchemaName}.mt_streams";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure: distrust the caches, reconnect, sweep.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                changes.Listening(false);
                LogLost(logger, ex.GetBaseException().Message);
                await Task.Delay(RetryAfter, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        changes.Listening(false);
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var pending = 0;
        connection.Notification += (_, _) => Volatile.Write(ref pending, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        // Listening from here on: whatever committed before is in the sweep, whatever commits after is notified.
        await SweepAsync(connection, ct);
        changes.Listening(true);
        var nextSweep = DateTime.UtcNow + SweepInterval;
        try
        {
            while (true)
            {
                var untilSweep = nextSweep - DateTime.UtcNow;
                if (Volatile.Read(ref pending) == 0 && untilSweep > TimeSpan.Zero)
                {
                    await connection.WaitAsync(untilSweep, ct);
                }

                if (DateTime.UtcNow >= nextSweep)
                {
                    Volatile.Write(ref pending, 0);
                    await SweepAsync(connection, ct);
                    nextSweep = DateTime.UtcNow + SweepInterval;
                }
                else if (Interlocked.Exchange(ref pending, 0) == 1)
                {
                    await RecentAsync(connection, ct);
                    await Task.Delay(MinInterval, ct);
                }
            }
        }
        finally
        {
            changes.Listening(false);
        }
    }

    private async Task RecentAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand($"select id, version from {_streams} where timestamp > now() - $1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = Window });
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            changes.Changed(reader.GetString(0), reader.GetInt64(1));
        }
    }

    private async Task SweepAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand($"select id, version from {_streams}", connection);
        var streams = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await query.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                streams[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        changes.Sweep(streams);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other instances' commits failed ({Reason}); reads ask the database until it is back")]
    private static partial void LogLost(ILogger logger, string reason);
}
