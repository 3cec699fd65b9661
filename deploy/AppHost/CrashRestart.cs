using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RobuustOD.AppHost;

/// <summary>
/// Aspire 13.6's process orchestrator (DCP) starts a project or executable resource once: a process that crashes
/// (<c>kill -9</c>, an out-of-memory kill, an unhandled exception) stays down, and Aspire 13.6 has no restart policy
/// for such resources. This watcher sees a resource that was running end without having been asked to stop, and
/// starts it again with Aspire's own start command (as the dashboard's Start button does, so the resource waits for
/// its dependencies again), after a backoff that doubles per crash in a row (<c>Restart:InitialDelay</c>, default
/// 1 s, up to <c>Restart:MaxDelay</c>, 30 s) and starts over once a restarted resource has run for
/// <c>Restart:StableAfter</c> (60 s). <c>Restart:Enabled=false</c> turns it off.
/// </summary>
internal static class CrashRestart
{
    /// <summary>Restarts the given resources (by name) when they crash.</summary>
    public static void RestartCrashed(this IDistributedApplicationBuilder builder, params IResourceBuilder<IResource>[] resources)
    {
        var options = new CrashRestartOptions();
        builder.Configuration.GetSection("Restart").Bind(options);
        if (!options.Enabled)
        {
            return;
        }

        foreach (var resource in resources)
        {
            options.Resources.Add(resource.Resource.Name);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<CrashRestarter>();
    }
}

internal sealed class CrashRestartOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(60);

    public HashSet<string> Resources { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// What one resource's state changes mean for a restart: a resource that was running or starting (or failed to
/// start) and reached a terminal state without a stop request before it, while the app host is not stopping, crashed.
/// The delay doubles per crash in a row and starts over after a run of at least <c>StableAfter</c>.
/// </summary>
internal sealed class CrashTracker(CrashRestartOptions options)
{
    private DateTimeOffset? _runningSince;
    private DateTimeOffset? _startingSince;
    private bool _stopRequested;

    public string? State { get; private set; }

    public int CrashesInARow { get; private set; }

    /// <summary>How long the last run lasted, when <see cref="Observe"/> returned a delay.</summary>
    public TimeSpan RanFor { get; private set; }

    /// <summary>Takes in a state change; returns the delay after which to start the resource again, or null.</summary>
    public TimeSpan? Observe(string? state, DateTimeOffset now, bool appHostStopping)
    {
        if (state == State)
        {
            return null;
        }

        State = state;
        if (state == KnownResourceStates.Running)
        {
            _runningSince = now;
            return null;
        }

        if (state == KnownResourceStates.Starting)
        {
            _startingSince = now;
            return null;
        }

        if (state == KnownResourceStates.Stopping)
        {
            // Asked to stop (dashboard, CLI, app host shutdown): the exit that follows is no crash.
            _stopRequested = true;
            return null;
        }

        if (state is null || !KnownResourceStates.TerminalStates.Contains(state))
        {
            return null;
        }

        // Started: it ran, or it was starting (a process that exits during its start, before DCP reports it running).
        var started = _runningSince ?? _startingSince;
        var stopRequested = _stopRequested;
        _runningSince = null;
        _startingSince = null;
        _stopRequested = false;
        if (stopRequested || appHostStopping || (started is null && state != KnownResourceStates.FailedToStart))
        {
            return null;
        }

        RanFor = started is { } since ? now - since : TimeSpan.Zero;
        CrashesInARow = RanFor >= options.StableAfter ? 1 : CrashesInARow + 1;
        var delay = TimeSpan.FromMilliseconds(options.InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(CrashesInARow - 1, 16)));
        return delay < options.MaxDelay ? delay : options.MaxDelay;
    }
}

internal sealed partial class CrashRestarter(
    CrashRestartOptions options,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<CrashRestarter> logger) : BackgroundService, IHostedLifecycleService
{
    private readonly ConcurrentDictionary<string, CrashTracker> _trackers = new(StringComparer.Ordinal);

    // Watching starts before any hosted service's StartAsync, Aspire's orchestrator's included: its start does not
    // return until every resource has left its wait, so a service that crashed while another waited for it (the
    // gateway waits for all of them) was never restarted, and the app host's start never ended. Seen in CI: the
    // register exited at start (a schema lock it did not get in time) and the run hung.
    public Task StartingAsync(CancellationToken cancellationToken) => base.StartAsync(cancellationToken);

    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (!options.Resources.Contains(update.Resource.Name))
                {
                    continue;
                }

                var tracker = _trackers.GetOrAdd(update.ResourceId, _ => new CrashTracker(options));
                var state = update.Snapshot.State?.Text;
                var before = tracker.State;
                if (tracker.Observe(state, clock.GetUtcNow(), lifetime.ApplicationStopping.IsCancellationRequested) is not { } delay)
                {
                    if (state != before)
                    {
                        LogTransition(logger, update.ResourceId, before ?? "(none)", state ?? "(none)", update.Snapshot.ExitCode);
                    }

                    continue;
                }

                var exitCode = update.Snapshot.ExitCode;
                LogCrash(logger, update.ResourceId, state!, exitCode, tracker.RanFor.TotalSeconds, tracker.CrashesInARow, delay.TotalSeconds);
                resourceLogs.GetLogger(update.ResourceId).LogWarning(
                    "Ended unexpectedly ({State}, exit code {ExitCode}); the app host starts it again in {Delay:0.#} s (crash {Count} in a row)",
                    state, exitCode, delay.TotalSeconds, tracker.CrashesInARow);
                _ = RestartAsync(update.ResourceId, tracker, delay, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(string resourceId, CrashTracker tracker, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, clock, stoppingToken);
            if (tracker.State is not { } state || !KnownResourceStates.TerminalStates.Contains(state))
            {
                return; // started by someone else meanwhile
            }

            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (result.Success)
            {
                LogRestarted(logger, resourceId);
            }
            else
            {
                LogRestartFailed(logger, resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            LogRestartFailed(logger, resourceId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Resource}: {From} -> {To} (exit code {ExitCode})")]
    private static partial void LogTransition(ILogger logger, string resource, string from, string to, int? exitCode);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Resource} ended unexpectedly ({State}, exit code {ExitCode}) after {RanFor:0.#} s; restarting it in {Delay:0.#} s (crash {Count} in a row)")]
    private static partial void LogCrash(ILogger logger, string resource, string state, int? exitCode, double ranFor, int count, double delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} restarted")]
    private static partial void LogRestarted(ILogger logger, string resource);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not restart {Resource}: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? reason);
}
