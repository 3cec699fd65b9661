using System.Diagnostics;
using RobuustOD.TestInfrastructure.Processes;

namespace RobuustOD.Faults.Tests;

/// <summary>
/// The register and a subscriber (monitoring) as real OS processes, killed with SIGKILL under load and started again,
/// or the database under them crashed:
/// no shutdown code runs, connections break mid-request, the register's async daemon dies between delivering and
/// checkpointing. Every write a client saw accepted must reach the subscriber exactly once in effect and in order
/// per OD, with no manual step (see <see cref="DeliveryCheck"/> for what is compared).
/// </summary>
public sealed class ProcessCrashTests : IAsyncLifetime
{
    // Keeps a test under a minute: a forwarder that found the subscriber down retries at most every 2 s (default 10 s).
    private static readonly TimeSpan RetryCap = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(30);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ProcessPlatform _platform = null!;
    private TimeSpan _startedIn;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Crash-safe: the database test crashes PostgreSQL and counts what clients saw committed (see that test).
        _platform = await ProcessPlatform.StartAsync(RetryCap, Ct, crashSafe: true);
        _startedIn = _clock.Elapsed;
    }

    public async ValueTask DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_subscriber_process_killed_under_steady_writes_and_restarted_gets_every_accepted_write_once_and_in_order()
    {
        using var http = await _platform.RegistryClientAsync("ienw", Ct);
        var workload = new RegisterWorkload(http, [.. Enumerable.Range(1, 12).Select(i => $"SUB{i:D2}")]);
        await workload.RegisterAllAsync(Ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writes = workload.RunAsync(writers: 3, pause: TimeSpan.FromMilliseconds(50), stop.Token);

        // Killed while events are flowing: some applied, more on their way.
        await Eventually.UntilAsync(async () => await _platform.AppliedCountAsync(Ct) >= 30, CatchUp, () => "no events applied", Ct);
        await _platform.Subscriber.KillAsync();
        var appliedAtKill = await _platform.AppliedCountAsync(Ct);
        var down = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var storedWhileDown = await _platform.StoredCountAsync(Ct);

        await ProcessPlatform.RestartAsync(_platform.Subscriber, Ct);
        var downFor = down.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await stop.CancelAsync();
        await writes;

        var report = await DeliveryCheck.VerifyAsync(_platform, workload, CatchUp, Ct);
        Report($"processes up in {_startedIn.TotalSeconds:F1} s, test done after {_clock.Elapsed.TotalSeconds:F1} s: subscriber killed at {appliedAtKill} applied, down {downFor.TotalSeconds:F1} s (restart included) while the register "
            + $"stored up to {storedWhileDown}; {report}");

        Assert.Empty(report.Problems);
        Assert.True(storedWhileDown > appliedAtKill, "no backlog built up while the subscriber was down");
        Assert.Equal(0, report.Refused + report.Unanswered); // the register itself was never down
        Assert.Equal(report.Stored, report.Applied);
    }

    [Fact]
    public async Task The_register_process_killed_with_SIGKILL_while_draining_a_backlog_and_restarted_loses_nothing_and_delivers_everything_once()
    {
        using var http = await _platform.RegistryClientAsync("ienw", Ct);
        var workload = new RegisterWorkload(http, [.. Enumerable.Range(1, 20).Select(i => $"PUB{i:D2}")]);
        await workload.RegisterAllAsync(Ct);

        // A backlog: the subscriber is down while the register accepts 800 writes. It was 200, enough to be killed
        // mid-drain at ~320 events/s; since bulk delivery (about 500/s) a CI run saw the whole backlog applied before the kill.
        await _platform.Subscriber.KillAsync();
        await workload.RunAsync(writers: 4, pause: TimeSpan.Zero, Ct, maxWrites: 800);
        var backlog = await _platform.StoredCountAsync(Ct);

        // The subscriber comes back; the register drains the backlog to it, under further steady writes ...
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await ProcessPlatform.RestartAsync(_platform.Subscriber, Ct);
        var writes = workload.RunAsync(writers: 2, pause: TimeSpan.FromMilliseconds(50), stop.Token);
        await Eventually.UntilAsync(async () => await _platform.AppliedCountAsync(Ct) >= 30, CatchUp, () => "the drain did not start", Ct,
            pollMilliseconds: 10);

        // ... and is killed in the middle of it.
        await _platform.Registry.KillAsync();
        var appliedAtKill = await _platform.AppliedCountAsync(Ct);
        var storedAtKill = await _platform.StoredCountAsync(Ct);
        var down = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await ProcessPlatform.RestartAsync(_platform.Registry, Ct);
        var downFor = down.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await stop.CancelAsync();
        await writes;

        var report = await DeliveryCheck.VerifyAsync(_platform, workload, CatchUp, Ct);
        Report($"processes up in {_startedIn.TotalSeconds:F1} s, test done after {_clock.Elapsed.TotalSeconds:F1} s: backlog {backlog} events; register killed at {appliedAtKill} of {storedAtKill} applied, down {downFor.TotalSeconds:F1} s "
            + $"(restart included); {report}");

        Assert.True(appliedAtKill < storedAtKill, $"the register was killed after the drain ({appliedAtKill} of {storedAtKill} applied)");
        Assert.Empty(report.Problems);
        Assert.Equal(report.Stored, report.Applied);
        Assert.True(report.Refused + report.Unanswered > 0, "no write met the register while it was down");
    }

    /// <summary>
    /// PostgreSQL crashes (<c>pg_ctl stop -m immediate</c>: no checkpoint, every connection cut) under steady writes and
    /// comes back 5 s later. The services are not restarted: they must recover by themselves, answer 503 (never 500)
    /// while the database is away, and afterwards deliver every accepted write exactly once and in order. The cluster
    /// keeps PostgreSQL's crash-safe defaults, so that a write the client saw accepted survives the crash.
    /// </summary>
    [Fact]
    public async Task PostgreSQL_crashing_under_writes_leaves_the_services_up_answering_503_and_afterwards_everything_accepted_arrives_once()
    {
        using var http = await _platform.RegistryClientAsync("ienw", Ct);
        var workload = new RegisterWorkload(http, [.. Enumerable.Range(1, 12).Select(i => $"CRA{i:D2}")]);
        await workload.RegisterAllAsync(Ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writes = workload.RunAsync(writers: 2, pause: TimeSpan.FromMilliseconds(50), stop.Token);
        await Eventually.UntilAsync(async () => await _platform.AppliedCountAsync(Ct) >= 30, CatchUp, () => "no events applied", Ct);

        await _platform.Cluster.StopServerAsync("immediate", Ct);
        var down = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        var refusedWhileDown = workload.Count(WriteOutcome.Refused);
        await _platform.Cluster.StartServerAsync(Ct);
        // This test process's own pooled connections (the counts below) died with the server too.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Task.WhenAll(_platform.Registry.WaitUntilReadyAsync(CatchUp, Ct), _platform.Subscriber.WaitUntilReadyAsync(CatchUp, Ct));
        var downFor = down.Elapsed;

        // Writes go on after the database is back: the forwarder must deliver those too, not only the backlog.
        var acceptedWhenBack = workload.Count(WriteOutcome.Accepted);
        await Eventually.UntilAsync(() => Task.FromResult(workload.Count(WriteOutcome.Accepted) >= acceptedWhenBack + 20), CatchUp,
            () => "no write accepted after the database came back", Ct);
        await stop.CancelAsync();
        await writes;

        var report = await DeliveryCheck.VerifyAsync(_platform, workload, CatchUp, Ct);
        Report($"processes up in {_startedIn.TotalSeconds:F1} s, test done after {_clock.Elapsed.TotalSeconds:F1} s: PostgreSQL crashed, back and services ready after "
            + $"{downFor.TotalSeconds:F1} s; {refusedWhileDown} writes refused while it was down; {report}");

        Assert.Empty(report.Problems);
        Assert.Equal(report.Stored, report.Applied);
        Assert.True(refusedWhileDown > 0, "no write met the database while it was away");
        Assert.All(workload.Attempts.Where(a => a.Outcome == WriteOutcome.Refused), a => Assert.Equal(503, a.Status));
        Assert.True(_platform.Registry.IsRunning && _platform.Subscriber.IsRunning, "a service process ended");
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
