using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Npgsql;
using RobuustOD.LocalPostgres;
using RobuustOD.TestInfrastructure.Processes;

namespace RobuustOD.Benchmarks.Suite;

/// <summary>
/// What the suite measures, as the run command runs it but on a throwaway cluster: the identity provider, the
/// register (with its seeds, forwarding to the assessment in standalone mode) and the assessment (with its seeds)
/// as Release processes. PostgreSQL loads <c>pg_stat_statements</c> so that the suite can count statements.
/// </summary>
public sealed class SuitePlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly DevTokens _devTokens;

    private SuitePlatform(PostgresCluster cluster, ServiceProcess identity, ServiceProcess registry, ServiceProcess assessment)
    {
        Cluster = cluster;
        Identity = identity;
        _devTokens = new DevTokens(identity.BaseAddress);
        Registry = registry;
        Assessment = assessment;
    }

    public PostgresCluster Cluster { get; }

    public ServiceProcess Identity { get; }

    public ServiceProcess Registry { get; }

    public ServiceProcess Assessment { get; }

    public string RegistryDatabase => Cluster.ConnectionStringFor("register");

    public string AssessmentDatabase => Cluster.ConnectionStringFor("beoordeling");

    public static async Task<SuitePlatform> StartAsync(string seeds, CancellationToken ct)
    {
        var cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions(), ct);
        try
        {
            await using (var admin = new NpgsqlConnection(cluster.ConnectionString))
            {
                await admin.OpenAsync(ct);
                // 64 clients on the register, its pool, the assessment's, the forwarder and the raw baseline's 64 connections.
                foreach (var setting in (string[])["shared_preload_libraries = 'pg_stat_statements'", "max_connections = 400"])
                {
                    await using var alter = new NpgsqlCommand($"alter system set {setting}", admin);
                    await alter.ExecuteNonQueryAsync(ct);
                }
            }

            NpgsqlConnection.ClearAllPools();
            await cluster.StopServerAsync("fast", ct);
            await cluster.StartServerAsync(ct);
            foreach (var database in (string[])["register", "beoordeling"])
            {
                await cluster.CreateDatabaseAsync(database, ct);
                await ExecuteAsync(cluster.ConnectionStringFor(database), "create extension if not exists pg_stat_statements", ct);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        var appApiToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var identity = new ServiceProcess("devidentity", BuiltService.DevIdentity, ProcessPlatform.FreeTcpPort(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Eventing__AppApiToken"] = appApiToken,
        });
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Auth__Authority"] = identity.BaseAddress.ToString().TrimEnd('/'),
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Eventing__Mode"] = "Standalone",
            ["Eventing__AppApiToken"] = appApiToken,
            ["Limits__WritesPerMinute"] = "0",
            ["Seeds__LoadOnStartup"] = "true",
            ["Seeds__Path"] = seeds,
        };
        var assessment = new ServiceProcess("beoordeling", BuiltService.Assessment, ProcessPlatform.FreeTcpPort(),
            new Dictionary<string, string>(common) { ["ConnectionStrings__robuustod"] = cluster.ConnectionStringFor("beoordeling") });
        var registry = new ServiceProcess("register", BuiltService.Registry, ProcessPlatform.FreeTcpPort(),
            new Dictionary<string, string>(common)
            {
                ["ConnectionStrings__robuustod"] = cluster.ConnectionStringFor("register"),
                ["Eventing__Subscribers__0"] = assessment.BaseAddress.ToString(),
            });
        var platform = new SuitePlatform(cluster, identity, registry, assessment);
        try
        {
            identity.Start();
            await identity.WaitUntilReadyAsync(StartTimeout, ct, "/health/live");
            assessment.Start();
            registry.Start();
            await Task.WhenAll(registry.WaitUntilReadyAsync(StartTimeout, ct), assessment.WaitUntilReadyAsync(StartTimeout, ct));
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public Task<string> TokenAsync(string clientId, CancellationToken ct) => _devTokens.TokenAsync(clientId, ct);

    public async Task<HttpClient> ClientAsync(ServiceProcess service, string clientId, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, ct));
        return http;
    }

    /// <summary>Events in the register's store.</summary>
    public Task<long> StoredAsync(CancellationToken ct) => ScalarAsync(RegistryDatabase, "select count(*) from register.mt_events where type <> 'tombstone'", ct);

    /// <summary>Register events the assessment has applied (its inbox).</summary>
    public Task<long> AppliedAsync(CancellationToken ct) =>
        ScalarAsync(AssessmentDatabase, "select count(*) from beoordeling.mt_doc_verwerktegebeurtenis", ct);

    public Task<long> LastSequenceAsync(CancellationToken ct) =>
        ScalarAsync(RegistryDatabase, "select coalesce(max(seq_id), 0) from register.mt_events", ct);

    /// <summary>Waits until the assessment has applied every stored register event; false when it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> CaughtUpAsync(TimeSpan timeout, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await AppliedAsync(ct) >= await StoredAsync(ct))
            {
                return true;
            }

            await Task.Delay(20, ct);
        }

        return false;
    }

    /// <summary>
    /// Per event stored after <paramref name="afterSequence"/>: from its commit in the register's store
    /// (<c>mt_events.timestamp</c>) until the assessment applied it (its inbox row's <c>verwerktOp</c>), in ms,
    /// sorted; both clocks are this machine's.
    /// </summary>
    public async Task<(List<double> Lags, DateTimeOffset? FirstApplied, DateTimeOffset? LastApplied)> LagsAsync(long afterSequence, CancellationToken ct)
    {
        var stored = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        await using (var connection = new NpgsqlConnection(RegistryDatabase))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select id::text, timestamp from register.mt_events where seq_id > @after", connection);
            command.Parameters.AddWithValue("after", afterSequence);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            }
        }

        var lags = new List<double>(stored.Count);
        DateTimeOffset? first = null, last = null;
        await using (var connection = new NpgsqlConnection(AssessmentDatabase))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                "select id, (data->>'verwerktOp')::timestamptz from beoordeling.mt_doc_verwerktegebeurtenis", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetString(0);
                if (stored.TryGetValue(key[(key.LastIndexOf('|') + 1)..], out var at))
                {
                    var applied = reader.GetFieldValue<DateTimeOffset>(1);
                    lags.Add((applied - at).TotalMilliseconds);
                    first = first is null || applied < first ? applied : first;
                    last = last is null || applied > last ? applied : last;
                }
            }
        }

        lags.Sort();
        return (lags, first, last);
    }

    public Task ResetStatementsAsync(CancellationToken ct) => ExecuteAsync(RegistryDatabase, "select pg_stat_statements_reset()", ct);

    /// <summary>The register database's statements since the last reset: calls and execution time, the busiest first.</summary>
    public async Task<IReadOnlyList<(string Query, long Calls, double Ms)>> StatementsAsync(CancellationToken ct)
    {
        var result = new List<(string, long, double)>();
        await using var connection = new NpgsqlConnection(RegistryDatabase);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            select regexp_replace(query, '\s+', ' ', 'g'), calls, total_exec_time from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_statements%'
            order by calls desc
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Assessment.DisposeAsync();
        await Identity.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Cluster.DisposeAsync();
    }

    private static async Task ExecuteAsync(string database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(string database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
