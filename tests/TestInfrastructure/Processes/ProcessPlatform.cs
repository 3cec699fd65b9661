using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using RobuustOD.LocalPostgres;

namespace RobuustOD.TestInfrastructure.Processes;

/// <summary>
/// The register and one subscriber (monitoring) as real OS processes in standalone eventing mode, against a
/// throwaway PostgreSQL cluster (a database each), with the development identity provider as a process too. Every
/// process gets the same random <c>Eventing:AppApiToken</c>, as a sidecar pair would. The databases are open for
/// inspection while any process is down.
/// </summary>
public sealed class ProcessPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly DevTokens _devTokens;

    private ProcessPlatform(PostgresCluster cluster, ServiceProcess identity, ServiceProcess registry, ServiceProcess subscriber)
    {
        Cluster = cluster;
        Identity = identity;
        _devTokens = new DevTokens(identity.BaseAddress);
        Registry = registry;
        Subscriber = subscriber;
    }

    public PostgresCluster Cluster { get; }

    public ServiceProcess Identity { get; }

    /// <summary>The register: the publisher, whose forwarder delivers to <see cref="Subscriber"/>.</summary>
    public ServiceProcess Registry { get; }

    /// <summary>Monitoring: follows the register through its events (its read model and inbox).</summary>
    public ServiceProcess Subscriber { get; }

    public string RegistryDatabase => Cluster.ConnectionStringFor("register");

    public string SubscriberDatabase => Cluster.ConnectionStringFor("monitoring");

    /// <param name="maxRetryDelay">The forwarder's <c>Eventing:MaxRetryDelay</c> (null: the service's default, 10 s).</param>
    /// <param name="daemonMode">Marten's async daemon mode; HotCold is the services' default and the run command's.</param>
    /// <param name="crashSafe">A cluster with PostgreSQL's crash-safe defaults, for tests that crash the server.</param>
    public static async Task<ProcessPlatform> StartAsync(TimeSpan? maxRetryDelay, CancellationToken ct, string daemonMode = "HotCold",
        bool crashSafe = false)
    {
        var cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions { CrashSafe = crashSafe }, ct);
        var started = new List<ServiceProcess>();
        try
        {
            await cluster.CreateDatabaseAsync("register", ct);
            await cluster.CreateDatabaseAsync("monitoring", ct);
            var appApiToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

            var identity = new ServiceProcess("devidentity", BuiltService.DevIdentity, FreeTcpPort(), new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Eventing__AppApiToken"] = appApiToken,
            });
            started.Add(identity);
            identity.Start();

            var subscriberPort = FreeTcpPort();
            var common = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Auth__Authority"] = identity.BaseAddress.ToString().TrimEnd('/'),
                ["Auth__RequireHttpsMetadata"] = "false",
                ["Eventing__Mode"] = "Standalone",
                ["Eventing__DaemonMode"] = daemonMode,
                ["Eventing__AppApiToken"] = appApiToken,
                ["Limits__WritesPerMinute"] = "0",
                ["Seeds__LoadOnStartup"] = "false",
            };
            var subscriber = new ServiceProcess("monitoring", BuiltService.Monitoring, subscriberPort, new Dictionary<string, string>(common)
            {
                ["ConnectionStrings__robuustod"] = cluster.ConnectionStringFor("monitoring"),
            });
            var registrySettings = new Dictionary<string, string>(common)
            {
                ["ConnectionStrings__robuustod"] = cluster.ConnectionStringFor("register"),
                ["Eventing__Subscribers__0"] = subscriber.BaseAddress.ToString(),
            };
            if (maxRetryDelay is { } delay)
            {
                registrySettings["Eventing__MaxRetryDelay"] = delay.ToString("c");
            }

            var registry = new ServiceProcess("register", BuiltService.Registry, FreeTcpPort(), registrySettings);
            started.Add(registry);
            started.Add(subscriber);
            await identity.WaitUntilReadyAsync(StartTimeout, ct, "/health/live");
            registry.Start();
            subscriber.Start();
            await Task.WhenAll(registry.WaitUntilReadyAsync(StartTimeout, ct), subscriber.WaitUntilReadyAsync(StartTimeout, ct));
            return new ProcessPlatform(cluster, identity, registry, subscriber);
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }

            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a killed process again on its port and waits until it is ready.</summary>
    public static async Task RestartAsync(ServiceProcess service, CancellationToken ct)
    {
        service.Start();
        await service.WaitUntilReadyAsync(StartTimeout, ct);
    }

    /// <summary>A client of the register with a token of <paramref name="clientId"/> from the identity provider.</summary>
    public async Task<HttpClient> RegistryClientAsync(string clientId, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = Registry.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, ct));
        return http;
    }

    private Task<string> TokenAsync(string clientId, CancellationToken ct) => _devTokens.TokenAsync(clientId, ct);

    /// <summary>The number of inbox rows of the subscriber: one per event it applied.</summary>
    public Task<long> AppliedCountAsync(CancellationToken ct) =>
        ScalarAsync(SubscriberDatabase, "select count(*) from monitoring.mt_doc_verwerktegebeurtenis", "monitoring.mt_doc_verwerktegebeurtenis", ct);

    /// <summary>The number of events in the register's store.</summary>
    public Task<long> StoredCountAsync(CancellationToken ct) =>
        ScalarAsync(RegistryDatabase, "select count(*) from register.mt_events", "register.mt_events", ct);

    /// <summary>Dead letters of the register's forwarders: deliveries it gave up on.</summary>
    public Task<long> DeadLetterCountAsync(CancellationToken ct) =>
        ScalarAsync(RegistryDatabase, "select count(*) from register.mt_doc_onbestelbaarbericht", "register.mt_doc_onbestelbaarbericht", ct);

    /// <summary>Every event in the register's store, in store order.</summary>
    public async Task<IReadOnlyList<StoredEvent>> StoredEventsAsync(CancellationToken ct)
    {
        var result = new List<StoredEvent>();
        await using var connection = new NpgsqlConnection(RegistryDatabase);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select id, stream_id, version, seq_id, type, data->>'naam' from register.mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new StoredEvent(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return result;
    }

    /// <summary>The subscriber's inbox: which event it applied, about which OD, when.</summary>
    public async Task<IReadOnlyList<AppliedEvent>> AppliedEventsAsync(CancellationToken ct)
    {
        var result = new List<AppliedEvent>();
        await using var connection = new NpgsqlConnection(SubscriberDatabase);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select id, data->>'onderwerp', (data->>'verwerktOp')::timestamptz from monitoring.mt_doc_verwerktegebeurtenis", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetString(0);
            result.Add(new AppliedEvent(key, key[(key.LastIndexOf('|') + 1)..], reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return result;
    }

    /// <summary>The subscriber's copy of the register: OD code and name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SubscriberNamesAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(SubscriberDatabase);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select id, data->>'naam' from monitoring.mt_doc_omgevingsdienstuitregister", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        // The publisher first: it would retry against a stopped subscriber.
        await Registry.DisposeAsync();
        await Subscriber.DisposeAsync();
        await Identity.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>A count, or 0 while the table does not exist yet (Marten creates tables on first use).</summary>
    private static async Task<long> ScalarAsync(string database, string sql, string table, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand($"select to_regclass('{table}') is not null", connection))
        {
            if (await exists.ExecuteScalarAsync(ct) is not true)
            {
                return 0;
            }
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>An event in the register's store.</summary>
public sealed record StoredEvent(Guid Id, string Od, long Version, long Sequence, string Type, string? Naam);

/// <summary>An inbox row of the subscriber: the CloudEvent it applied (its id is the stored event's id).</summary>
public sealed record AppliedEvent(string Key, string EventId, string? Od, DateTimeOffset AppliedAt);
