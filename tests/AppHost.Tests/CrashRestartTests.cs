using System.Diagnostics;

namespace RobuustOD.AppHost.Tests;

/// <summary>
/// The run command: a service killed with SIGKILL comes back by itself. (That one stopped on purpose stays stopped is
/// <see cref="CrashTrackerTests"/>: DCP's own stop of a busy service times out on this machine, see the README.)
/// </summary>
// One run command at a time: two platforms of seven processes each would share the two cores with each other.
[Collection(RunCommand.Collection)]
public sealed class CrashRestartTests : IAsyncLifetime
{
    private RunCommand _run = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _run = await RunCommand.BuildAsync(configure: null, Ct);
        await _run.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }

    [Fact(Timeout = 6 * 60 * 1000)]
    public async Task A_service_killed_with_SIGKILL_under_the_run_command_is_started_again_and_ready_within_90_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await _run.UntilReadyAsync("registry", TimeSpan.FromMinutes(3), ct);

        var victim = ListeningProcess(_run.Ports["registry"]);
        var clock = Stopwatch.StartNew();
        victim.Kill(); // SIGKILL on Unix
        await victim.WaitForExitAsync(ct);

        await _run.UntilReadyAsync("registry", TimeSpan.FromSeconds(90), ct);
        var back = clock.Elapsed;
        var successor = ListeningProcess(_run.Ports["registry"]);
        Assert.NotEqual(victim.Id, successor.Id);
        TestContext.Current.TestOutputHelper?.WriteLine($"registry killed (pid {victim.Id}); ready again after {back.TotalSeconds:F1} s (pid {successor.Id})");
    }

    private static Process ListeningProcess(int port) =>
        ProcFs.ListeningOn(port) ?? throw new InvalidOperationException($"nothing listens on 127.0.0.1:{port}");
}
