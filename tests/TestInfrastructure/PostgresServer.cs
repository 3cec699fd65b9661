using System.Collections.Concurrent;
using System.Reflection;
using DotNet.Testcontainers.Builders;
using Npgsql;
using RobuustOD.LocalPostgres;
using Testcontainers.PostgreSql;
using Xunit;

namespace RobuustOD.TestInfrastructure;

/// <summary>
/// One PostgreSQL server per test assembly: <c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>.
/// Tries, in order, a Testcontainers container (when a Docker daemon answers), the server named by
/// <c>ROBUUSTOD_TEST_DB</c>, and a throwaway cluster from this machine's PostgreSQL server binaries.
/// Each test class takes its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "ROBUUSTOD_TEST_DB";
    private const string ContainerImage = "postgres:17-alpine";

    private readonly ConcurrentBag<string> _databases = [];
    private PostgreSqlContainer? _container;
    private PostgresCluster? _cluster;

    public string ConnectionString { get; private set; } = "";

    /// <summary>"container", "environment" or "local".</summary>
    public string Kind { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        if (await TryContainerAsync(ct))
        {
            Kind = "container";
            ConnectionString = _container!.GetConnectionString();
            Announce($"a Testcontainers container ({ContainerImage})");
        }
        else if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            Kind = "environment";
            ConnectionString = external;
            var target = new NpgsqlConnectionStringBuilder(external);
            Announce($"the server from {EnvironmentVariable} ({target.Host}:{target.Port})");
        }
        else
        {
            Kind = "local";
            _cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions { Log = Report }, ct);
            ConnectionString = _cluster.ConnectionString;
            Announce($"a throwaway local cluster on 127.0.0.1:{_cluster.Port}");
        }
    }

    /// <summary>Creates a new, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken ct)
    {
        var name = DatabaseName(prefix);
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        _databases.Add(name);

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Kind == "environment")
        {
            await DropDatabasesAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    // A shared server outlives the run: leave it as it was found.
    private async Task DropDatabasesAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException ex)
        {
            Report($"could not drop the test databases: {ex.Message}");
        }
    }

    // PostgreSQL folds unquoted names to lower case and cuts them at 63 bytes; keep names that survive both.
    private static string DatabaseName(string prefix)
    {
        var safe = new string(prefix.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_').ToArray());
        safe = safe.Length == 0 ? "test" : safe[..Math.Min(safe.Length, 30)];
        return $"{safe}_{Guid.NewGuid():N}";
    }

    private async Task<bool> TryContainerAsync(CancellationToken ct)
    {
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder(ContainerImage).Build();
        }
        catch (DockerUnavailableException)
        {
            Report("no Docker daemon answers: not using Testcontainers");
            return false;
        }

        // A daemon without registry access can hang on the image pull: give up on it after a while.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await container.StartAsync(timeout.Token);
            _container = container;
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Report($"Docker answers but the container did not start ({ex.GetType().Name}: {ex.Message}): falling back");
            await container.DisposeAsync();
            return false;
        }
    }

    // Diagnostic messages show only with `--xunit-diagnostics on`; the console shows when the run fails or under `dotnet run`.
    private static void Report(string message)
    {
        var line = $"[PostgresServer] {message}";
        TestContext.Current.SendDiagnosticMessage(line);
        Console.WriteLine(line);
    }

    private static void Announce(string database)
    {
        var line = $"[PostgresServer] {Assembly.GetEntryAssembly()?.GetName().Name} tests use {database}";
        TestContext.Current.SendDiagnosticMessage(line);
        RunnerConsole.WriteLine(line);
    }
}
