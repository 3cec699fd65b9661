using System.Diagnostics;
using Npgsql;

namespace RobuustOD.LocalPostgres;

/// <summary>
/// A PostgreSQL server on 127.0.0.1 run from this machine's server binaries, or an already running one that was reused.
/// Disposing stops the server only if it was started here, and deletes a throwaway cluster's folder.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    // Safe only because a throwaway cluster's data is worthless after a crash.
    private static readonly string[] ThrowawaySettings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];

    private readonly PostgresClusterOptions _options;
    private readonly Action<string> _log;
    private readonly ServerControl? _control;
    private readonly string? _throwawayFolder;
    private OrphanGuard? _guard;
    private bool _stopped;

    private PostgresCluster(PostgresClusterOptions options, int port, ServerControl? control, string? throwawayFolder)
    {
        _options = options;
        _log = LogOf(options);
        Port = port;
        _control = control;
        _throwawayFolder = throwawayFolder;
    }

    public int Port { get; }

    /// <summary>Null when an already running server was reused without knowing its folder.</summary>
    public string? DataDirectory => _control?.DataDirectory;

    /// <summary>False when an already running server was reused; such a server is left running on dispose.</summary>
    public bool StartedHere => _control is not null;

    public bool IsThrowaway => _throwawayFolder is not null;

    /// <summary>Connection string to <see cref="PostgresClusterOptions.Database"/>.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = _options.Username,
        Password = _options.Password,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// A new cluster in a temporary folder, tuned for speed over durability (fsync, synchronous_commit and
    /// full_page_writes off), on <see cref="PostgresClusterOptions.Port"/> or a free port. Disposing deletes it.
    /// </summary>
    public static async Task<PostgresCluster> StartThrowawayAsync(PostgresClusterOptions? options = null, CancellationToken ct = default)
    {
        options ??= new PostgresClusterOptions();
        var log = LogOf(options);
        var bin = PostgresBinaries.Find();
        var account = await ServerAccount.ResolveAsync(log, ct);
        var folder = Directory.CreateTempSubdirectory("robuustod-pg-").FullName;
        var control = new ServerControl(
            bin, account, Path.Combine(folder, "data"), Path.Combine(folder, "socket"), Path.Combine(folder, "server.log"));
        var cluster = default(PostgresCluster);
        var guard = default(OrphanGuard);
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "socket"));
            Directory.CreateDirectory(control.DataDirectory);
            await account.HandOverAsync(folder, ct);
            var clock = Stopwatch.StartNew();
            await control.InitAsync(options, ct);
            guard = OrphanGuard.Start(folder, control.StopCommandLine("immediate"));
            var port = await control.StartAsync(options.Port, options.CrashSafe ? [] : ThrowawaySettings, log, ct);
            cluster = new PostgresCluster(options, port, control, folder) { _guard = guard };
            await cluster.CreateDatabaseAsync(options.Database, ct);
            log($"throwaway cluster (PostgreSQL from {bin}) up on 127.0.0.1:{port} in {clock.Elapsed.TotalSeconds:0.0} s, data in {folder}");
            return cluster;
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
            else
            {
                guard?.Dispose();
                await TryAsync(() => control.StopAsync(CancellationToken.None));
                await TryAsync(() => Task.Run(() => Directory.Delete(folder, recursive: true), CancellationToken.None));
            }

            throw;
        }
    }

    /// <summary>
    /// The cluster in <paramref name="dataDirectory"/> with default durability, created there if the folder is missing or empty.
    /// A server that already answers on the port, or already runs on that folder, is reused and left running on dispose.
    /// </summary>
    public static async Task<PostgresCluster> StartPersistentAsync(
        string dataDirectory, PostgresClusterOptions? options = null, CancellationToken ct = default)
    {
        options ??= new PostgresClusterOptions();
        var log = LogOf(options);
        dataDirectory = Path.GetFullPath(dataDirectory);

        if (options.Port != 0 && await FreePort.IsAnsweringAsync(options.Port, ct))
        {
            log($"a server already answers on 127.0.0.1:{options.Port}: reusing it");
            return await ReuseAsync(options, options.Port, ct);
        }

        var (bin, control, port, runningPort) = await PersistentSetup.PrepareAsync(dataDirectory, options, log, ct);
        if (runningPort is not null)
        {
            log($"the cluster in {dataDirectory} already runs on 127.0.0.1:{runningPort}: reusing it");
            return await ReuseAsync(options, runningPort.Value, ct);
        }

        var clock = Stopwatch.StartNew();
        await control.StartAsync(port, [], log, ct);
        var cluster = new PostgresCluster(options, port, control, throwawayFolder: null);
        try
        {
            await cluster.CreateDatabaseAsync(options.Database, ct);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        log($"cluster in {dataDirectory} (PostgreSQL from {bin}) up on 127.0.0.1:{port} in {clock.Elapsed.TotalSeconds:0.0} s; log: {Path.Combine(dataDirectory, "server.log")}");
        return cluster;
    }

    /// <summary>
    /// Takes the server away, keeping its data (fault tests: the database restarting or gone for a while).
    /// <paramref name="mode"/> is pg_ctl's: <c>fast</c> ends the sessions (clients see 57P01), <c>immediate</c> as after a crash.
    /// </summary>
    public async Task StopServerAsync(string mode = "fast", CancellationToken ct = default)
    {
        var control = _control ?? throw new InvalidOperationException("Only a cluster started here can be stopped.");
        await control.StopAsync(mode, ct);
    }

    /// <summary>Brings a server taken away with <see cref="StopServerAsync"/> back on the same port.</summary>
    public async Task StartServerAsync(CancellationToken ct = default)
    {
        var control = _control ?? throw new InvalidOperationException("Only a cluster started here can be started.");
        await control.StartAsync(Port, IsThrowaway && !_options.CrashSafe ? ThrowawaySettings : [], _log, ct);
    }

    /// <summary>Creates <paramref name="database"/> unless it exists, and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string database, CancellationToken ct) =>
        PostgresDatabases.CreateIfMissingAsync(ConnectionStringFor("postgres"), database, ct);

    /// <summary>Stops the server with <c>pg_ctl stop -m fast</c> if it was started here; deletes a throwaway cluster.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_control is null || _stopped)
        {
            return;
        }

        _stopped = true;
        var clock = Stopwatch.StartNew();
        try
        {
            await _control.StopAsync(ct);
            _log($"stopped the cluster on 127.0.0.1:{Port} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            _guard?.Dispose();
            if (_throwawayFolder is not null)
            {
                await TryAsync(() => Task.Run(() => Directory.Delete(_throwawayFolder, recursive: true), CancellationToken.None));
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private static async Task<PostgresCluster> ReuseAsync(PostgresClusterOptions options, int port, CancellationToken ct)
    {
        var cluster = new PostgresCluster(options, port, control: null, throwawayFolder: null);
        try
        {
            await cluster.CreateDatabaseAsync(options.Database, ct);
            return cluster;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Something answers on 127.0.0.1:{port} but it is not a PostgreSQL server that user '{options.Username}' " +
                $"can use ({ex.Message}). Stop it or choose another port.", ex);
        }
    }

    private static Action<string> LogOf(PostgresClusterOptions options) => options.Log ?? (_ => { });

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Best effort while already failing or tearing down.
        }
    }
}
