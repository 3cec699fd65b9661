using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.LocalPostgres;
using RobuustOD.TestInfrastructure.Processes;

[assembly: AssemblyFixture(typeof(RobuustOD.Gateway.Tests.Platform.DashboardPlatform))]

namespace RobuustOD.Gateway.Tests.Platform;

/// <summary>
/// The whole platform as the run command has it, once for the test assembly: the identity provider, the four
/// services with their seeds (standalone eventing, as the app host wires it) and the gateway, each a real process
/// on a free loopback port, on a throwaway PostgreSQL cluster (a database per service). Ready when the seeded ODG
/// assessment is in the national matrix; then ODG gets a draft report and a draft subsidy request, which only ODG
/// and the handling roles may see.
/// </summary>
public sealed class DashboardPlatform : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    /// <summary>The gateway's APIs that this fixture starts (route name, project folder, assembly).</summary>
    public static readonly (string Route, string Project, string Assembly)[] Services =
    [
        ("register", "services/Registry", "RobuustOD.Registry"),
        ("beoordeling", "services/Assessment", "RobuustOD.Assessment"),
        ("monitoring", "services/Monitoring", "RobuustOD.Monitoring"),
        ("subsidie", "services/Subsidy", "RobuustOD.Subsidy"),
        ("notificaties", "services/Notifications", "RobuustOD.Notifications"),
    ];

    private readonly List<ServiceProcess> _processes = [];
    private PostgresCluster? _cluster;

    public ServiceProcess Identity { get; private set; } = default!;

    public ServiceProcess Gateway { get; private set; } = default!;

    public Uri GatewayAddress => Gateway.BaseAddress;

    public IReadOnlyDictionary<string, ServiceProcess> Apis { get; private set; } = new Dictionary<string, ServiceProcess>();

    public string OdgDraftReport => "ODG-voortgang1";

    public string? OdgDraftRequest { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        // A free port can be taken by another process between choosing it and binding it: then start afresh.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync(ct);
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("address already in use", StringComparison.Ordinal))
            {
                await DisposeAsync();
                _processes.Clear();
            }
        }
    }

    private async Task StartAsync(CancellationToken ct)
    {
        _cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions(), ct);
        var appApiToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var ports = Services.ToDictionary(s => s.Route, _ => ProcessPlatform.FreeTcpPort());
        var gatewayPort = ProcessPlatform.FreeTcpPort();
        var identityPort = ProcessPlatform.FreeTcpPort();
        var gatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        var identityUrl = $"http://127.0.0.1:{identityPort}";

        Identity = Keep(new ServiceProcess("devidentity", BuiltService.DevIdentity, identityPort, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DevIdentity__Issuer"] = identityUrl + "/",
            ["DevIdentity__RegisterUrl"] = $"http://127.0.0.1:{ports["register"]}",
            ["DevIdentity__RedirectUris__0"] = gatewayUrl + "/signin-oidc",
        }));
        Identity.Start();

        var seeds = Path.Combine(RepositoryRoot(), "seeds");
        var apis = new Dictionary<string, ServiceProcess>();
        foreach (var (route, project, assembly) in Services)
        {
            await _cluster.CreateDatabaseAsync(route, ct);
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ConnectionStrings__robuustod"] = _cluster.ConnectionStringFor(route),
                ["Auth__Authority"] = identityUrl,
                ["Auth__RequireHttpsMetadata"] = "false",
                ["Eventing__Mode"] = "Standalone",
                ["Eventing__AppApiToken"] = appApiToken,
                ["Limits__WritesPerMinute"] = "0",
                ["Seeds__Path"] = seeds,
                ["Seeds__LoadOnStartup"] = "true",
            };
            // As the app host wires them: the register delivers to all others, the assessment to monitoring and subsidy.
            var subscribers = route switch
            {
                "register" => new[] { "beoordeling", "monitoring", "subsidie" },
                "beoordeling" => ["monitoring", "subsidie"],
                _ => [],
            };
            for (var i = 0; i < subscribers.Length; i++)
            {
                settings[$"Eventing__Subscribers__{i}"] = $"http://127.0.0.1:{ports[subscribers[i]]}/";
            }

            apis[route] = Keep(new ServiceProcess(route, BuiltService.Locate(project, assembly), ports[route], settings));
        }

        Apis = apis;
        await Identity.WaitUntilReadyAsync(StartTimeout, ct, "/health/live");
        foreach (var api in apis.Values)
        {
            api.Start();
        }

        await Task.WhenAll(apis.Values.Select(a => a.WaitUntilReadyAsync(StartTimeout, ct)));

        var gatewaySettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Gateway__IdentityProvider"] = identityUrl,
        };
        foreach (var (route, port) in ports)
        {
            gatewaySettings[$"ReverseProxy__Clusters__{route}__Destinations__d1__Address"] = $"http://127.0.0.1:{port}/";
        }

        Gateway = Keep(new ServiceProcess("gateway", BuiltService.Locate("deploy/Gateway", "RobuustOD.Gateway"), gatewayPort, gatewaySettings));
        Gateway.Start();
        await Gateway.WaitUntilReadyAsync(StartTimeout, ct, "/health/live");

        await WaitForSeededAssessmentAsync(ct);
        await CreateOdgDraftsAsync(ct);
    }

    private ServiceProcess Keep(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>A client of the gateway carrying a client-credentials token of <paramref name="clientId"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string? clientId, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (clientId is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, ct));
        }

        return http;
    }

    public async Task<string> TokenAsync(string clientId, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Identity.BaseAddress };
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", "robuustod-dev"),
        ]);
        using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), form, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"Token request for {clientId} failed: {body}");
    }

    /// <summary>The assessment loads ODG's 2024 assessment once the register's events have told it about ODG.</summary>
    private async Task WaitForSeededAssessmentAsync(CancellationToken ct)
    {
        using var http = await ApiClientAsync("ienw", ct);
        var deadline = DateTime.UtcNow + StartTimeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri("/beoordeling/v1/landelijk-overzicht?ronde=2024", UriKind.Relative), ct);
            last = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode && last.Contains("\"ODG\"", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(500, ct);
        }

        throw new TimeoutException($"The seeded ODG assessment did not reach the national matrix: {last}");
    }

    /// <summary>ODG's own drafts (a progress report and a subsidy request), which another OD must not reach.</summary>
    private async Task CreateOdgDraftsAsync(CancellationToken ct)
    {
        using var odg = await ApiClientAsync("od-ODG", ct);
        // Monitoring knows ODG once the register's events arrived: retry until then.
        for (var attempt = 0; ; attempt++)
        {
            using var report = await odg.PostAsJsonAsync(new Uri("/monitoring/v1/voortgangsrapportages", UriKind.Relative),
                new { omgevingsdienst = "ODG", ronde = "voortgang1" }, ct);
            if (report.IsSuccessStatusCode || attempt > 60)
            {
                Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync(ct));
                break;
            }

            await Task.Delay(500, ct);
        }

        for (var attempt = 0; ; attempt++)
        {
            using var request = await odg.PostAsJsonAsync(new Uri("/subsidie/v1/aanvragen", UriKind.Relative), new
            {
                regeling = "robuustheidsbijdrage",
                omgevingsdienst = "ODG",
                activiteiten = new[]
                {
                    new
                    {
                        omschrijving = "Vaste formatie",
                        criteria = new[] { 7 },
                        periode = new { van = "2025-01-01", tot = "2026-03-31" },
                        kostenregels = new[] { new { categorie = "personeel", bedrag = 120000.00m } },
                    },
                },
            }, ct);
            if (request.IsSuccessStatusCode || attempt > 60)
            {
                var body = await request.Content.ReadAsStringAsync(ct);
                Assert.True(request.IsSuccessStatusCode, body);
                OdgDraftRequest = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
                break;
            }

            await Task.Delay(500, ct);
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RobuustOD.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The last lines of every process, for a failure message.</summary>
    public string Logs() => string.Join("\n", _processes.Select(p => $"--- {p.Name}\n{p.Tail(20)}"));

    public async ValueTask DisposeAsync()
    {
        // The gateway and the publishers first: they would retry against stopped subscribers.
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }
}
