using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using RobuustOD.EventStore;

namespace RobuustOD.AppHost.Tests;

/// <summary>
/// The run command restarts a service that crashed: one that exits while it starts (and the app host's start, which
/// waits for every resource, still ends), and one killed with SIGKILL later. One start of the platform for both: it is
/// seven processes on two cores, beside the other test projects. (That a service stopped on purpose stays stopped is
/// <see cref="CrashTrackerTests"/>: DCP's own stop of a busy service times out on this machine, see the README.)
/// </summary>
public sealed class CrashRestartTests : IAsyncLifetime
{
    private RunCommand? _run;
    private NpgsqlConnection? _schemaLock;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_schemaLock is not null)
        {
            await _schemaLock.DisposeAsync();
        }

        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }

    [Fact(Timeout = 10 * 60 * 1000)]
    public async Task A_service_that_exits_at_start_and_one_killed_with_SIGKILL_are_started_again()
    {
        var ct = TestContext.Current.CancellationToken;
        _run = await RunCommand.BuildAsync(builder => builder.CreateResourceBuilder<ProjectResource>("registry")
            // Gives up on the schema lock after 5 s instead of 60 (the lock is held below: it exits at start).
            .WithEnvironment("EventStore__SchemaLockTimeout", "00:00:05"), ct);

        // As seen in CI: the register could not get the lock for applying its schema in time and exited with an
        // unhandled exception; nothing restarted it and the start hung. Here another "instance" holds the lock until the
        // register has exited once. Not pooled: a pooled connection's session lock would outlive its Dispose.
        _schemaLock = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_run.Cluster.ConnectionString) { Pooling = false }.ConnectionString);
        await _schemaLock.OpenAsync(ct);
        await using (var hold = new NpgsqlCommand("select pg_advisory_lock($1)", _schemaLock))
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = (long)MartenExtensions.SchemaLockId("register") });
            await hold.ExecuteNonQueryAsync(ct);
        }

        var start = _run.StartAsync(ct);
        var deadline = DateTime.UtcNow + RunCommand.StartLimit;
        while (!_run.History("registry").Any(IsExit) && DateTime.UtcNow < deadline && !start.IsCompleted)
        {
            await Task.Delay(250, ct);
        }

        Assert.True(_run.History("registry").Any(IsExit), $"the register did not exit at start; resources: {_run.States}");
        await _schemaLock.DisposeAsync(); // releases the lock
        _schemaLock = null;

        await start; // bounded: a TimeoutException names the resources' states
        await _run.UntilReadyAsync("registry", TimeSpan.FromMinutes(2), ct);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"registry at start: {string.Join(" -> ", _run.History("registry"))}");

        // Later, a crash of a running service: SIGKILL of the register's process.
        var victim = ListeningProcess(_run.Ports["registry"]);
        var clock = Stopwatch.StartNew();
        victim.Kill(); // SIGKILL on Unix
        await victim.WaitForExitAsync(ct);

        await _run.UntilReadyAsync("registry", TimeSpan.FromSeconds(90), ct);
        var back = clock.Elapsed;
        var successor = ListeningProcess(_run.Ports["registry"]);
        Assert.NotEqual(victim.Id, successor.Id);
        output?.WriteLine($"registry killed (pid {victim.Id}); ready again after {back.TotalSeconds:F1} s (pid {successor.Id})");
    }

    private static bool IsExit(string state) =>
        state.StartsWith(KnownResourceStates.Finished, StringComparison.Ordinal) || state.StartsWith(KnownResourceStates.Exited, StringComparison.Ordinal)
        || state.StartsWith(KnownResourceStates.FailedToStart, StringComparison.Ordinal);

    private static Process ListeningProcess(int port) =>
        ProcFs.ListeningOn(port) ?? throw new InvalidOperationException($"nothing listens on 127.0.0.1:{port}");
}
