using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RobuustOD.LocalPostgres;

namespace RobuustOD.AppHost;

/// <summary>
/// On Ctrl-C DCP sends the local PostgreSQL SIGTERM, a "smart" shutdown that waits for the services' connections
/// and ends in DCP's SIGKILL (a crash, recovered on the next start). Stopping it fast before DCP stops anything
/// shuts it down cleanly.
/// </summary>
internal sealed class LocalPostgresShutdown(PostgresServerCommand server, ILogger<LocalPostgresShutdown> logger)
    : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await server.StopAsync(cancellationToken))
            {
                logger.LogInformation("Stopped PostgreSQL in {DataDirectory} (fast shutdown)", server.DataDirectory);
            }
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning(ex, "Could not stop PostgreSQL in {DataDirectory}; DCP stops it", server.DataDirectory);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
