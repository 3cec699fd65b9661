using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using RobuustOD.EventStore;

namespace RobuustOD.AppHost.Tests;

/// <summary>
/// The run command: a service that exits while it starts is started again, and the app host's start (which waits for
/// every resource: the gateway waits for all services) still ends. As seen in CI: the register could not get the lock
/// for applying its schema in time and exited with an unhandled exception; nothing restarted it and the start hung.
/// </summary>
[Collection(RunCommand.Collection)]
public sealed class CrashAtStartTests : IAsyncLifetime
{
    private RunCommand? _run;
    private NpgsqlConnection? _schemaLock;

    public async ValueTask InitializeAsync() => await Task.CompletedTask;

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

    [Fact(Timeout = 9 * 60 * 1000)]
    public async Task A_service_that_exits_at_start_is_started_again_and_the_start_of_the_run_command_ends()
    {
        var ct = TestContext.Current.CancellationToken;
        _run = await RunCommand.BuildAsync(builder => builder.CreateResourceBuilder<ProjectResource>("registry")
            // Gives up on the schema lock after 5 s instead of 60 (the lock is held below: it exits at start).
            .WithEnvironment("EventStore__SchemaLockTimeout", "00:00:05"), ct);

        // Another instance of the register applying the schema: the lock is held until the register has exited once.
        // Not pooled: a pooled connection's session lock would outlive its Dispose until the pool reset it.
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
        TestContext.Current.TestOutputHelper?.WriteLine($"registry: {string.Join(" -> ", _run.History("registry"))}");
    }

    private static bool IsExit(string state) =>
        state.StartsWith(KnownResourceStates.Finished, StringComparison.Ordinal) || state.StartsWith(KnownResourceStates.Exited, StringComparison.Ordinal)
        || state.StartsWith(KnownResourceStates.FailedToStart, StringComparison.Ordinal);
}
