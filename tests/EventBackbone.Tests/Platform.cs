using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.Assessment;
using RobuustOD.Monitoring;
using RobuustOD.Registry;
using RobuustOD.Subsidy;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.EventBackbone.Tests;

/// <summary>
/// The four services on real loopback HTTP (Kestrel), each on its own database, in standalone mode:
/// the registry's forwarder delivers to the subscribers' Dapr endpoints directly.
/// </summary>
public sealed class Platform(PostgresServer postgres) : IAsyncDisposable
{
    public static readonly (string Name, string Prefix)[] Subscribers = [("assessment", "beoordeling"), ("monitoring", "monitoring"), ("subsidy", "subsidie")];

    private readonly Dictionary<string, IAsyncDisposable> _running = [];
    private readonly Dictionary<string, string> _databases = [];

    public DevIdentityServer Identity { get; } = new();

    public Dictionary<string, Uri> Addresses { get; } = [];

    public ServiceFactory<RegistryService>? Registry { get; private set; }

    public static async Task<Platform> StartAsync(PostgresServer postgres, CancellationToken ct)
    {
        var platform = new Platform(postgres);
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
        // A restarted subscriber comes back on the address the registry knows.
        var port = Addresses.TryGetValue(name, out var known) ? known.Port : 0;
        IReadOnlyDictionary<string, string?>? settings = null;
        var factory = name switch
        {
            "assessment" => (IServiceHost)new Host<AssessmentService>(database, Identity, settings),
            "monitoring" => new Host<MonitoringService>(database, Identity, settings),
            _ => new Host<SubsidyService>(database, Identity, settings),
        };
        Addresses[name] = factory.Start(port);
        _running[name] = factory;
    }

    public async Task StopAsync(string name)
    {
        if (_running.Remove(name, out var host))
        {
            await host.DisposeAsync();
        }

        if (name == "registry")
        {
            Registry = null;
        }
    }

    public async Task StartRegistryAsync(CancellationToken ct)
    {
        var settings = new Dictionary<string, string?> { ["Eventing:DaemonMode"] = "Solo" };
        foreach (var (address, index) in Subscribers.Select((s, i) => (Addresses[s.Name], i)))
        {
            settings[$"Eventing:Subscribers:{index}"] = address.ToString();
        }

        Registry = new ServiceFactory<RegistryService>(await DatabaseAsync("registry", ct), Identity, settings);
        _ = Registry.Server;
        _running["registry"] = Registry;
    }

    public async Task<HttpClient> RegistryClientAsync(string clientId, CancellationToken ct) => await Registry!.ClientAsync(clientId, ct);

    /// <summary>GET the OD as a subscriber sees it; null while it answers 404.</summary>
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
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the OD in the subscriber, or fails after the timeout.</summary>
    public async Task<JsonElement> WachtOpAsync(string subscriber, string code, Func<JsonElement, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await ZoalsGezienDoorAsync(subscriber, code, ct) is { } od && condition(od))
            {
                return od;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{subscriber} did not show the expected state of {code} within {timeout}");
            }

            await Task.Delay(50, ct);
        }
    }

    private async Task<string> DatabaseAsync(string name, CancellationToken ct)
    {
        if (!_databases.TryGetValue(name, out var database))
        {
            database = _databases[name] = await postgres.CreateDatabaseAsync(name, ct);
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _running.Values)
        {
            await host.DisposeAsync();
        }

        await Identity.DisposeAsync();
    }

    private interface IServiceHost : IAsyncDisposable
    {
        Uri Start(int port);
    }

    private sealed class Host<T>(string database, DevIdentityServer identity, IReadOnlyDictionary<string, string?>? settings)
        : ServiceFactory<T>(database, identity, settings), IServiceHost
        where T : class
    {
        public Uri Start(int port) => StartOnLoopback(port);
    }
}
