using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RobuustOD.HttpDefaults;

namespace RobuustOD.EventStore;

/// <summary>
/// The first command after a start paid for the one-time work of the write path on first use: Marten's generated
/// storage and aggregation code (Roslyn), the JIT of the append, the inline snapshot and the session, the statements'
/// first plans. Measured: 20-50x a later write. Right after the start this runs that path on a stream that cannot
/// exist — fetch for writing, decide, append, save, the latest snapshot, the version — inside a transaction that it
/// rolls back, so nothing is stored: no event, no stream, no snapshot, no notification (PostgreSQL sends
/// <c>pg_notify</c> only on commit). All it leaves is a gap in the event sequence, as a lost concurrency race does,
/// which the daemon passes at once because no transaction can still fill it. The service reports ready
/// (<c>/health/ready</c>) once this is done, so that no client waits for it.
/// </summary>
public static partial class EventStoreWarmUp
{
    /// <summary>No OD code or other stream key contains a tilde.</summary>
    public const string Key = "~warm-up";

    /// <summary>How long a readiness probe waits for the warm-up before it answers "not ready".</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(10);

    /// <param name="write">Events a command would decide for <typeparamref name="T"/>: the first starts the warm-up stream,
    /// the rest are appended to it the way a command appends to an existing stream. None: only the reads are warmed.</param>
    public static IServiceCollection WarmUpStreams<T>(this IServiceCollection services, params object[] write) where T : class
    {
        if (BuildTime.IsGeneratingOpenApi)
        {
            return services;
        }

        var gate = services.AddWarmUpGate();
        services.AddSingleton<IHostedService>(sp => new Runner<T>(sp.GetRequiredService<IDocumentStore>(), write,
            gate, sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<Runner<T>>>()));
        return services;
    }

    /// <summary>The readiness gate of every warm-up of this service (registered once).</summary>
    internal static Gate AddWarmUpGate(this IServiceCollection services)
    {
        if (services.FirstOrDefault(s => s.ServiceType == typeof(Gate))?.ImplementationInstance is Gate registered)
        {
            return registered;
        }

        var gate = new Gate();
        services.AddSingleton(gate);
        services.AddHealthChecks().AddCheck("warm-up", gate, tags: ["ready"]);
        return gate;
    }

    /// <summary>
    /// Ready when every warm-up has finished, whether it succeeded or not (a failed one leaves the work to the first
    /// request); the streams' warm-ups are awaited on their own, so that request warm-ups can follow them.
    /// </summary>
    internal sealed class Gate : IHealthCheck
    {
        private readonly Lock _lock = new();
        private readonly Pending _all = new();
        private readonly Pending _streams = new();

        public void Begin(bool stream = false)
        {
            lock (_lock)
            {
                _all.Begin();
                if (stream)
                {
                    _streams.Begin();
                }
            }
        }

        public void End(bool stream = false)
        {
            lock (_lock)
            {
                _all.End();
                if (stream)
                {
                    _streams.End();
                }
            }
        }

        public Task StreamsWarmAsync()
        {
            lock (_lock)
            {
                return _streams.Done;
            }
        }

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            Task done;
            lock (_lock)
            {
                done = _all.Done;
            }

            try
            {
                // A probe right after the start waits the few hundred milliseconds rather than fail and poll again.
                await done.WaitAsync(ReadyWait, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (TimeoutException)
            {
                return HealthCheckResult.Unhealthy("The write path is still warming up.");
            }
        }

        /// <summary>Warm-ups begun and not yet ended (callers hold the gate's lock).</summary>
        private sealed class Pending
        {
            private int _count;
            private TaskCompletionSource _done = new();

            public Pending() => _done.SetResult();

            public Task Done => _done.Task;

            public void Begin()
            {
                if (_count++ == 0)
                {
                    _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            public void End()
            {
                if (--_count == 0)
                {
                    _done.TrySetResult();
                }
            }
        }
    }

    private sealed class Runner<T>(IDocumentStore store, object[] write, Gate gate, IHostApplicationLifetime lifetime, ILogger<Runner<T>> logger)
        : IHostedService
        where T : class
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            gate.Begin(stream: true);
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(WarmAsync, CancellationToken.None));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private async Task WarmAsync()
        {
            try
            {
                var ct = lifetime.ApplicationStopping;
                await using (var reads = store.LightweightSession())
                {
                    await reads.Events.FetchForWriting<T>(Key, ct);
                    await reads.Events.FetchStreamStateAsync(Key, ct);
                    await reads.Events.FetchLatest<T>(Key, ct);
                }

                if (write.Length > 0)
                {
                    await WriteAndRollBackAsync(ct);
                }
            }
#pragma warning disable CA1031 // Best effort: whatever fails here, the first request does as before.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, typeof(T).Name, ex.GetBaseException().Message);
            }
            finally
            {
                gate.End(stream: true);
            }
        }

        /// <summary>A registration and a command on the new stream, as two sessions in one transaction that is never committed.</summary>
        private async Task WriteAndRollBackAsync(CancellationToken ct)
        {
            await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                await using (var start = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false)))
                {
                    await start.Events.FetchForWriting<T>(Key, ct);
                    start.Events.StartStream<T>(Key, write[0]);
                    await start.SaveChangesAsync(ct);
                }

                if (write.Length > 1)
                {
                    await using var command = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
                    var stream = await command.Events.FetchForWriting<T>(Key, ct);
                    command.LastModifiedBy = "warm-up";
                    stream.AppendMany(write[1..]);
                    await command.SaveChangesAsync(ct);
                    await command.Events.FetchLatest<T>(Key, ct);
                }
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the event store for {Type} failed ({Reason}); the first request does it")]
    private static partial void LogFailed(ILogger logger, string type, string reason);
}
