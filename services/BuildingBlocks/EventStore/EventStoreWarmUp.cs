using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RobuustOD.HttpDefaults;

namespace RobuustOD.EventStore;

/// <summary>
/// The first command after a start paid for Marten's one-time work on first use of a stream type (its generated
/// storage and aggregation code, the statements' first plans): about 50x a later write. This reads a stream that
/// cannot exist the way a command and a read do — fetch for writing, the stream's version, the latest snapshot —
/// right after the start, in the background, so that the first client does not wait for it. Nothing is written.
/// </summary>
public static partial class EventStoreWarmUp
{
    /// <summary>No OD code or other stream key contains a tilde.</summary>
    public const string Key = "~warm-up";

    public static IServiceCollection WarmUpStreams<T>(this IServiceCollection services) where T : class
    {
        if (!BuildTime.IsGeneratingOpenApi)
        {
            services.AddHostedService<Runner<T>>();
        }

        return services;
    }

    private sealed class Runner<T>(IDocumentStore store, IHostApplicationLifetime lifetime, ILogger<Runner<T>> logger) : IHostedService
        where T : class
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(WarmAsync, CancellationToken.None));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private async Task WarmAsync()
        {
            try
            {
                var ct = lifetime.ApplicationStopping;
                await using var session = store.LightweightSession();
                await session.Events.FetchForWriting<T>(Key, ct);
                await session.Events.FetchStreamStateAsync(Key, ct);
                await session.Events.FetchLatest<T>(Key, ct);
            }
#pragma warning disable CA1031 // Best effort: whatever fails here, the first request does as before.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, typeof(T).Name, ex.GetBaseException().Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warming up the event store for {Type} failed ({Reason}); the first request does it")]
    private static partial void LogFailed(ILogger logger, string type, string reason);
}
