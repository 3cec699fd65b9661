using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.Contracts.Beoordeling;
using RobuustOD.Domain;
using RobuustOD.Monitoring;
using RobuustOD.RegisterReadModel;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>The monitoring service on its own fresh database, loading seeds/monitoring on start, per test class.</summary>
/// <remarks>
/// The overdue check runs only where a class asks for it (<see cref="KlokFixture"/>): elsewhere it would append
/// overdue events for the rounds other tests create, between a test's two event counts.
/// </remarks>
public class MonitoringFixture(PostgresServer postgres) : IAsyncLifetime
{
    public DevIdentityServer Identity { get; } = new();

    public ServiceFactory<MonitoringService> App { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Instellingen => new Dictionary<string, string?>
    {
        ["Monitoring:Verzuimbewaking:Interval"] = "00:00:00",
    };

    public async ValueTask InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync("monitoring", TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?>(Instellingen)
        {
            ["Seeds:LoadOnStartup"] = "true",
            ["Seeds:Path"] = SeedsFolder(),
        };
        App = Maak(database, settings);
        _ = App.Server;
    }

    protected virtual ServiceFactory<MonitoringService> Maak(string database, Dictionary<string, string?> settings) => new(database, Identity, settings);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Identity.DisposeAsync();
        GC.SuppressFinalize(this);
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
public abstract class MonitoringTest(MonitoringFixture fixture) : MonitoringTestBasis(fixture), IClassFixture<MonitoringFixture>;

public abstract class MonitoringTestBasis(MonitoringFixture fixture)
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

    /// <summary>Posts an event of the assessment service to <c>/events/beoordeling</c> as the sidecar does; it must be applied.</summary>
    protected async Task BeoordelingEventAsync<TEvent>(TEvent data, string subject)
        where TEvent : class
    {
        using var sidecar = App.SidecarClient();
        using var response = await sidecar.PostAsync("/events/beoordeling", BeoordelingEvent.Content(data, subject), Ct);
        var body = await response.AssertJsonAsync();
        Assert.Equal("SUCCESS", body.GetProperty("status").GetString());
    }

    /// <summary>A version of a criterion with a threshold, as the assessment publishes it (<c>criterium-vastgesteld</c>).</summary>
    protected Task CriteriumAsync(int nummer, string op, decimal waarde, string eenheid, int versie = 1) =>
        BeoordelingEventAsync(new CriteriumVastgesteldV1(nummer, versie, $"Criterium {nummer}", null,
            new DrempelV1($"Drempel van criterium {nummer}", null, op, waarde, eenheid), "IenW", DateTimeOffset.UtcNow), Criteriumcatalogus.StreamKey);

    /// <summary>The thresholds of seeds/beoordeling/criteria.json for 7, 10, 17 and 19, at version 1.</summary>
    protected async Task CatalogusAsync()
    {
        await CriteriumAsync(7, ">=", 80, "procent");
        await CriteriumAsync(10, ">", 1, "procent");
        await CriteriumAsync(17, ">", 3, "procent");
        await CriteriumAsync(19, ">", 3, "fte");
    }

    protected async Task<JsonElement> IndienenAsync(string code, string id, string? toelichting = null)
    {
        using var client = await Od(code);
        using var response = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting }, Ct);
        return await response.AssertJsonAsync();
    }

    protected async Task<JsonElement> RapportageAsync(string code, string id, string query = "")
    {
        using var client = await Od(code);
        using var response = await client.GetAsync($"{Base}/voortgangsrapportages/{id}{query}", Ct);
        return await response.AssertJsonAsync();
    }

    protected static string Uitkomst(JsonElement rapportage, int criterium) => Evaluatie(rapportage, criterium).GetProperty("uitkomst").GetString()!;

    protected static JsonElement Evaluatie(JsonElement rapportage, int criterium) =>
        rapportage.GetProperty("evaluatie").EnumerateArray().Single(e => e.GetProperty("criterium").GetInt32() == criterium);
}

/// <summary>A CloudEvent of the assessment service as daprd delivers it (structured, the assessment's source).</summary>
public static class BeoordelingEvent
{
    public const string Source = "urn:nld:oin:00000000000000000000:systeem:robuustod-beoordeling";

    public static HttpContent Content<TEvent>(TEvent data, string subject)
        where TEvent : class
    {
        var cloudEvent = new System.Text.Json.Nodes.JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = Source,
            ["type"] = RobuustOD.Contracts.Eventing.IntegrationEventCatalogue.Describe(typeof(TEvent)).Type,
            ["subject"] = subject,
            ["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["datacontenttype"] = "application/json",
            ["data"] = JsonSerializer.SerializeToNode(data, RobuustOD.Contracts.ContractJson.Options),
        };
        var content = new StringContent(cloudEvent.ToJsonString(), System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json");
        return content;
    }
}
