using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Npgsql;
using RobuustOD.Assessment;
using RobuustOD.Monitoring;
using RobuustOD.Registry;
using RobuustOD.RegisterReadModel;
using RobuustOD.EventBackbone.Incoming;
using RobuustOD.Subsidy;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.EventBackbone.Tests.Support;

/// <summary>
/// The four services on real loopback HTTP, each on its own database, in standalone mode: the registry's forwarder
/// delivers to the subscribers' Dapr endpoints directly (subscribers on Kestrel loopback, so that a restarted one
/// comes back on the same port). Open for inspection: each service's document store and database, and the registry's
/// checkpoints. The registry retries with a short backoff so that a restarted subscriber is reached quickly.
/// </summary>
public sealed class OpenPlatform(PostgresServer postgres, DevIdentityServer identity) : IAsyncDisposable
{
    /// <summary>The subscribing services and their API prefixes.</summary>
    public static readonly (string Name, string Prefix)[] Subscribers = [("assessment", "beoordeling"), ("monitoring", "monitoring"), ("subsidy", "subsidie")];

    private readonly Dictionary<string, IAsyncDisposable> _running = [];

    public Dictionary<string, string> Databases { get; } = [];

    public DevIdentityServer Identity { get; } = identity;

    public Dictionary<string, Uri> Addresses { get; } = [];

    public Dictionary<string, IDocumentStore> Stores { get; } = [];

    public ServiceFactory<RegistryService>? Registry { get; private set; }

    public static async Task<OpenPlatform> StartAsync(PostgresServer postgres, DevIdentityServer identity, CancellationToken ct)
    {
        var platform = new OpenPlatform(postgres, identity);
        foreach (var (name, _) in Subscribers)
        {
            await platform.StartSubscriberAsync(name, ct);
        }

        await platform.StartRegistryAsync(ct);
        return platform;
    }

    public async Task StartSubscriberAsync(string name, CancellationToken ct)
    {
        var database = await DatabaseAsync(name, ct);
        // A restarted subscriber comes back on the port the registry knows.
        var port = Addresses.TryGetValue(name, out var known) ? known.Port : 0;
        (IAsyncDisposable Host, Uri Address, IDocumentStore Store) started = name switch
        {
            "assessment" => Start(new Host<AssessmentService>(database, Identity), port),
            "monitoring" => Start(new Host<MonitoringService>(database, Identity), port),
            _ => Start(new Host<SubsidyService>(database, Identity), port),
        };
        Addresses[name] = started.Address;
        Stores[name] = started.Store;
        _running[name] = started.Host;

        static (IAsyncDisposable, Uri, IDocumentStore) Start<T>(Host<T> host, int port)
            where T : class
        {
            var address = host.Start(port);
            return (host, address, host.Store);
        }
    }

    public async Task StartRegistryAsync(CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Eventing:DaemonMode"] = "Solo",
            ["Eventing:MaxRetryDelay"] = "00:00:00.250",
            // Retries against a stopped subscriber are expected here; keep the output readable.
            ["Logging:LogLevel:RobuustOD.EventBackbone.Outgoing.IntegrationEventForwarder"] = "Error",
        };
        foreach (var (address, index) in Subscribers.Select((s, i) => (Addresses[s.Name], i)))
        {
            settings[$"Eventing:Subscribers:{index}"] = address.ToString();
        }

        Registry = new ServiceFactory<RegistryService>(await DatabaseAsync("registry", ct), Identity, settings);
        _ = Registry.Server;
        Stores["registry"] = Registry.Store;
        _running["registry"] = Registry;
    }

    public async Task StopAsync(string name)
    {
        if (_running.Remove(name, out var host))
        {
            await host.DisposeAsync();
        }

        Stores.Remove(name);
        if (name == "registry")
        {
            Registry = null;
        }
    }

    /// <summary>The inbox rows of a subscriber: one per event applied.</summary>
    public async Task<int> InboxAsync(string subscriber, CancellationToken ct)
    {
        await using var session = Stores[subscriber].QuerySession();
        return await session.Query<VerwerkteGebeurtenis>().CountAsync(ct);
    }

    /// <summary>The ODs a subscriber knows, with their names.</summary>
    public async Task<Dictionary<string, string>> OmgevingsdienstenAsync(string subscriber, CancellationToken ct)
    {
        await using var session = Stores[subscriber].QuerySession();
        var all = await session.Query<OmgevingsdienstUitRegister>().ToListAsync(ct);
        return all.ToDictionary(o => o.Id, o => o.Naam);
    }

    /// <summary>The registry's forwarder checkpoints as stored (read from its database, also while it is stopped).</summary>
    public async Task<Dictionary<string, long>> CheckpointsAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Databases["registry"]);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select name, last_seq_id from register.mt_event_progression where name like 'forwarder-%'", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new Dictionary<string, long>();
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    public async Task<HttpClient> RegistryClientAsync(string clientId, CancellationToken ct) => await Registry!.ClientAsync(clientId, ct);

    /// <summary>GET the OD as a subscriber shows it over HTTP; null while it answers 404.</summary>
    public async Task<JsonElement?> ZoalsGezienDoorAsync(string subscriber, string code, CancellationToken ct)
    {
        var prefix = Subscribers.Single(s => s.Name == subscriber).Prefix;
        using var http = new HttpClient { BaseAddress = Addresses[subscriber] };
        await Identity.AuthorizeAsync(http, "ipo", ct);
        using var response = await http.GetAsync($"/{prefix}/v1/omgevingsdiensten/{code}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        // Monitoring answers with the OD's dossier, the register's view of the OD inside it.
        var gezien = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return gezien.TryGetProperty("omgevingsdienst", out var od) && od.ValueKind == JsonValueKind.Object ? od : gezien;
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the OD in the subscriber (over HTTP), or fails after the timeout.</summary>
    public async Task<JsonElement> WachtOpAsync(string subscriber, string code, Func<JsonElement, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        JsonElement? gezien = null;
        await Eventually.UntilAsync(async () => (gezien = await ZoalsGezienDoorAsync(subscriber, code, ct)) is { } od && condition(od), timeout,
            () => Task.FromResult($"{subscriber} did not show the expected state of {code}; last seen: {gezien?.ToString() ?? "404"}"), ct);
        return gezien!.Value;
    }

    private async Task<string> DatabaseAsync(string name, CancellationToken ct)
    {
        if (!Databases.TryGetValue(name, out var database))
        {
            database = Databases[name] = await postgres.CreateDatabaseAsync(name, ct);
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // The registry first: its forwarders would otherwise keep retrying against stopped subscribers.
        if (_running.Remove("registry", out var registry))
        {
            await registry.DisposeAsync();
        }

        foreach (var host in _running.Values)
        {
            await host.DisposeAsync();
        }
    }

    private sealed class Host<T>(string database, DevIdentityServer identity) : ServiceFactory<T>(database, identity)
        where T : class
    {
        /// <summary>
        /// On a given loopback port (0: any). Not <see cref="ServiceFactory{T}.StartOnLoopback"/>: its
        /// <c>UseKestrel(0)</c> overrides a <c>urls</c> setting, so a restart would land on a new port.
        /// </summary>
        public Uri Start(int port)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }
}
