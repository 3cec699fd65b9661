using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.CatalogusReadModel;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>
/// The subsidy service on its own fresh database, loading seeds/subsidie on start, per test class; the register's ODs
/// and the catalogue's criteria a test needs are stored as the read models' documents.
/// </summary>
public sealed class SubsidyFixture(PostgresServer postgres) : IAsyncLifetime
{
    public DevIdentityServer Identity { get; } = new();

    public ServiceFactory<SubsidyService> App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync("subsidie", TestContext.Current.CancellationToken);
        App = new ServiceFactory<SubsidyService>(database, Identity, new Dictionary<string, string?>
        {
            ["Seeds:LoadOnStartup"] = "true",
            ["Seeds:Path"] = SeedsFolder(),
        });
        _ = App.Server;
        await using var session = App.Store.LightweightSession();
        foreach (var (nummer, titel) in new[] { (1, "Basistaken"), (7, "Vaste formatie"), (18, "Kennis en opleiding") })
        {
            session.Store(new CriteriumUitCatalogus { Id = CriteriumUitCatalogus.Sleutel(nummer), Nummer = nummer, Versie = 1, Titel = titel });
        }

        session.Store(new OmgevingsdienstUitRegister { Id = "ODG", Naam = "Omgevingsdienst Groningen", Provincies = ["Groningen"] });
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Identity.DisposeAsync();
    }

    public static string SeedsFolder()
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

/// <summary>Clients per role, ODs known from the register, and the request commands in their HTTP form.</summary>
public abstract class SubsidyTest(SubsidyFixture fixture) : IClassFixture<SubsidyFixture>
{
    protected const string Base = "/subsidie/v1";

    protected const string Robuust = "robuustheidsbijdrage";

    protected const string Fusie = "fusie-opsplitsing";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ServiceFactory<SubsidyService> App => fixture.App;

    protected Task<HttpClient> Client(string clientId) => App.ClientAsync(clientId, Ct);

    protected Task<HttpClient> Od(string code) => App.ClientAsync($"od-{code}", Ct);

    /// <summary>An OD this service knows from the register (the read model's document, as the register's events leave it).</summary>
    protected async Task<string> BekendeOdAsync(Action<OmgevingsdienstUitRegister>? zo = null)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var od = new OmgevingsdienstUitRegister { Id = code, Naam = $"Omgevingsdienst {code}", Provincies = ["Utrecht"] };
        zo?.Invoke(od);
        await using var session = App.Store.LightweightSession();
        session.Store(od);
        await session.SaveChangesAsync(Ct);
        return code;
    }

    /// <summary>A request body: one activity per amount, each with one cost line, for criterion 7 unless named.</summary>
    protected static object Aanvraag(string regeling, string od, decimal[] bedragen, int[]? criteria = null, DateOnly? tot = null) => new
    {
        regeling,
        omgevingsdienst = od,
        activiteiten = bedragen.Select((b, i) => new
        {
            omschrijving = $"Activiteit {i + 1}",
            criteria = criteria ?? [7],
            periode = new { van = "2025-01-01", tot = (tot ?? new DateOnly(2025, 12, 31)).ToString("yyyy-MM-dd") },
            kostenregels = new[] { new { categorie = "personeel", bedrag = b } },
        }).ToArray(),
    };

    protected async Task<string> ConceptAsync(string clientId, object body)
    {
        using var client = await Client(clientId);
        using var response = await client.PostAsJsonAsync($"{Base}/aanvragen", body, Ct);
        var json = await response.AssertJsonAsync(HttpStatusCode.Created);
        return json.GetProperty("id").GetString()!;
    }

    protected async Task<HttpResponseMessage> PostAsync(string clientId, string pad, object? body = null)
    {
        using var client = await Client(clientId);
        return body is null
            ? await client.PostAsync($"{Base}{pad}", null, Ct)
            : await client.PostAsJsonAsync($"{Base}{pad}", body, Ct);
    }

    /// <summary>Drafted and submitted by the OD itself.</summary>
    protected async Task<string> IngediendAsync(string od, string regeling, params decimal[] bedragen)
    {
        var id = await ConceptAsync($"od-{od}", Aanvraag(regeling, od, bedragen));
        await (await PostAsync($"od-{od}", $"/aanvragen/{id}/indiening")).AssertJsonAsync();
        return id;
    }

    protected async Task<JsonElement> GetAsync(string clientId, string pad)
    {
        using var client = await Client(clientId);
        using var response = await client.GetAsync($"{Base}{pad}", Ct);
        return await response.AssertJsonAsync();
    }

    protected Task<JsonElement> BudgetAsync(string regeling = Robuust) =>
        GetAsync("ienw", $"/regelingen/{regeling}").ContinueWith(t => t.Result.GetProperty("budget"), TaskScheduler.Default);

    /// <summary>A PUT of the scheme's rules: the current ones with <paramref name="wijzig"/> applied, with the current ETag.</summary>
    protected async Task<HttpResponseMessage> WijzigRegelingAsync(string clientId, string regeling, Action<Dictionary<string, object?>> wijzig, string? etag = null)
    {
        using var client = await Client(clientId);
        using var huidig = await client.GetAsync($"{Base}/regelingen/{regeling}", Ct);
        var json = await huidig.AssertJsonAsync();
        var regels = new Dictionary<string, object?>();
        foreach (var naam in new[] { "naam", "eigenaar", "plafond", "openVan", "openTot", "activiteitenUiterlijk", "maximumPerOd", "kostencategorieen",
                     "beslistermijnWeken", "voorschotPercentage", "verantwoordingUiterlijk", "vierOgenVanaf", "fusieOfOpsplitsingVereist" })
        {
            regels[naam] = json.GetProperty(naam).Clone();
        }

        wijzig(regels);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Base}/regelingen/{regeling}") { Content = JsonContent.Create(regels) };
        put.Headers.TryAddWithoutValidation("If-Match", etag ?? huidig.Headers.ETag!.ToString());
        return await client.SendAsync(put, Ct);
    }

    protected static decimal Dec(JsonElement e, string naam) => e.GetProperty(naam).GetDecimal();
}
