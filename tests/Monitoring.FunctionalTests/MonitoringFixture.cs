using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.Domain;
using RobuustOD.Monitoring;
using RobuustOD.RegisterReadModel;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>The monitoring service on its own fresh database, loading seeds/monitoring on start, per test class.</summary>
public sealed class MonitoringFixture(PostgresServer postgres) : IAsyncLifetime
{
    public DevIdentityServer Identity { get; } = new();

    public ServiceFactory<MonitoringService> App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync("monitoring", TestContext.Current.CancellationToken);
        App = new ServiceFactory<MonitoringService>(database, Identity, new Dictionary<string, string?>
        {
            ["Seeds:LoadOnStartup"] = "true",
            ["Seeds:Path"] = SeedsFolder(),
        });
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Identity.DisposeAsync();
    }

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new InvalidOperationException("Repository root (RobuustOD.sln) not found.");
    }
}

/// <summary>Clients per role, ODs known from the register, and the report commands in their HTTP form.</summary>
public abstract class MonitoringTest(MonitoringFixture fixture) : IClassFixture<MonitoringFixture>
{
    protected const string Base = "/monitoring/v1";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ServiceFactory<MonitoringService> App => fixture.App;

    protected Task<HttpClient> Ienw() => App.ClientAsync("ienw", Ct);

    protected Task<HttpClient> Od(string code) => App.ClientAsync($"od-{code}", Ct);

    protected Task<HttpClient> Anoniem() => App.ClientAsync(null, Ct);

    /// <summary>
    /// An OD this service knows from the register. The register's events are the way in production; here the read
    /// model's document is stored directly in the test database (the subscription has tests of its own).
    /// </summary>
    protected async Task<string> BekendeOdAsync(string prefix = "T")
    {
        var code = prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var session = App.Store.LightweightSession();
        session.Store(new OmgevingsdienstUitRegister { Id = code, Naam = $"Omgevingsdienst {code}", Provincies = ["Utrecht"] });
        await session.SaveChangesAsync(Ct);
        return code;
    }

    protected async Task<string> RondeAsync(DateOnly? uiterlijk)
    {
        var id = "r" + Guid.NewGuid().ToString("N")[..8];
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/rapportagerondes", new
        {
            id, soort = "voortgang", naam = "Testronde", periodeVan = (string?)null, periodeTot = (string?)null,
            indienenUiterlijk = uiterlijk?.ToString("yyyy-MM-dd"), formatVersie = 1,
        }, Ct);
        await response.AssertJsonAsync(HttpStatusCode.Created);
        return id;
    }

    protected async Task<string> ConceptAsync(string code, string ronde = "voortgang1")
    {
        using var client = await Od(code);
        using var response = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = code, ronde }, Ct);
        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    protected async Task<JsonElement> KerngetallenAsync(string code, string id, object waarden)
    {
        using var client = await Od(code);
        using var response = await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", new { waarden }, Ct);
        return await response.AssertJsonAsync();
    }

    protected static DateOnly Vandaag => TimeProvider.System.Vandaag();
}
