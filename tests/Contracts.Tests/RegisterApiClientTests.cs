using RobuustOD.Contracts.Api;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using RobuustOD.Contracts.Register.Api;

namespace RobuustOD.Contracts.Tests;

/// <summary>The typed register client on its own: the requests it sends, the JSON it reads, its HTTP pipeline.</summary>
public sealed class RegisterApiClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task zoeken_zet_elke_parameter_in_de_query_zoals_de_dienst_hem_leest()
    {
        var (api, handler) = Client("""{"omgevingsdiensten":[],"totaal":0,"paginaNummer":2,"paginaGrootte":50,"peildatum":"2025-06-30","_links":{"self":{"href":"/x"},"next":null,"prev":null}}""");

        var pagina = await api.ZoekOmgevingsdienstenAsync(seveso: true, provincie: "Zuid-Holland", status: StatusFilter.Alle, zoek: "rijn mond",
            peildatum: new DateOnly(2025, 6, 30), pagina: 2, paginaGrootte: 50, cancellationToken: Ct);

        Assert.Equal("http://register.test/register/v1/omgevingsdiensten?seveso=true&provincie=Zuid-Holland&status=alle&zoek=rijn%20mond"
            + "&peildatum=2025-06-30&pagina=2&paginaGrootte=50", handler.Requests.Single().AbsoluteUri);
        Assert.Equal(new DateOnly(2025, 6, 30), pagina.Peildatum);
        Assert.Null(pagina.Links.Next);
    }

    [Fact]
    public async Task zonder_parameters_blijft_de_query_leeg()
    {
        var (api, handler) = Client("""{"omgevingsdiensten":[],"totaal":0,"paginaNummer":1,"paginaGrootte":20,"peildatum":"2025-06-30","_links":{"self":{"href":"/x"},"next":null,"prev":null}}""");

        await api.ZoekOmgevingsdienstenAsync(cancellationToken: Ct);

        Assert.Equal("http://register.test/register/v1/omgevingsdiensten", handler.Requests.Single().AbsoluteUri);
    }

    [Fact]
    public async Task een_pad_in_het_basisadres_blijft_behouden()
    {
        var (api, handler) = Client(Fusie, new Uri("https://gateway.test/robuustod/"));

        await api.HaalFusieOpAsync("ODGM", Ct);

        Assert.Equal("https://gateway.test/robuustod/register/v1/fusies/ODGM", handler.Requests.Single().AbsoluteUri);
    }

    [Fact]
    public async Task een_omgevingsdienst_wordt_met_enums_datums_en_links_gelezen()
    {
        var (api, handler) = Client("""
            {"code":"ODG","naam":"Omgevingsdienst Groningen","provincies":["Groningen"],"aantalDeelnemers":11,
             "opgerichtOp":"2013-01-01","opgehevenOp":null,"status":"actief","seveso":true,"sevesoProvincies":["Groningen","Drenthe"],
             "voorgangers":[],"opvolgers":[],"fusie":null,
             "zelftoets":{"robuust":true,"beoordeeldOp":"2025-03-01","toelichting":null},
             "peildatum":"2025-06-30","versie":4,"_links":{"self":{"href":"/register/v1/omgevingsdiensten/ODG"},
             "historie":{"href":"/register/v1/omgevingsdiensten/ODG/historie"}},"nieuwVeld":"wordt genegeerd"}
            """);

        var od = await api.HaalOmgevingsdienstOpAsync("ODG", new DateOnly(2025, 6, 30), Ct);

        Assert.Equal("http://register.test/register/v1/omgevingsdiensten/ODG?peildatum=2025-06-30", handler.Requests.Single().AbsoluteUri);
        Assert.Equal(OmgevingsdienstStatus.Actief, od.Status);
        Assert.Equal(new Zelftoets(true, new DateOnly(2025, 3, 1), null), od.Zelftoets);
        Assert.Equal(["Groningen", "Drenthe"], od.SevesoProvincies);
        Assert.Equal("/register/v1/omgevingsdiensten/ODG/historie", od.Links.Historie.Href);
        Assert.Equal(4, od.Versie);
    }

    [Fact]
    public async Task een_fout_komt_als_api_exception_met_het_probleem()
    {
        var (api, _) = Client("""{"status":404,"title":"Niet gevonden","detail":"Omgevingsdienst 'X' bestaat niet."}""",
            status: HttpStatusCode.NotFound, mediaType: "application/problem+json");

        var fout = await Assert.ThrowsAsync<Refit.ApiException>(() => api.HaalOmgevingsdienstOpAsync("X", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.NotFound, fout.StatusCode);
        Assert.Contains("bestaat niet", fout.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void de_json_van_de_contracten_is_die_van_de_diensten()
    {
        var fusie = JsonSerializer.Deserialize(Fusie, ContractsJsonContext.Default.FusieResource)!;
        var json = JsonSerializer.Serialize(fusie, ContractsJsonContext.Default.FusieResource);

        Assert.Equal(FusieStatus.Voltooid, fusie.Status);
        Assert.Contains("\"status\":\"voltooid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ingangsdatum\":\"2026-01-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"opvolgerAantalDeelnemers\":16", json, StringComparison.Ordinal);
        Assert.DoesNotContain("extra", json, StringComparison.Ordinal);
        // Nulls are written, not left out.
        Assert.Equal("""{"robuust":false,"beoordeeldOp":"2025-03-01","toelichting":null}""",
            JsonSerializer.Serialize(new Zelftoets(false, new DateOnly(2025, 3, 1), null), ContractsJsonContext.Default.Zelftoets));
        Assert.Contains("\"_links\":{\"self\":", json, StringComparison.Ordinal);
        // Enums are names, never numbers; numbers are never strings.
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(Fusie.Replace("\"voltooid\"", "1", StringComparison.Ordinal),
            ContractsJsonContext.Default.FusieResource));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(Fusie.Replace(":16,", ":\"16\",", StringComparison.Ordinal),
            ContractsJsonContext.Default.FusieResource));
    }

    [Fact]
    public void elk_contracttype_staat_in_de_json_context()
    {
        // Refit's generated client uses no reflection: a response type missing from the context fails at run time.
        // The API records (namespaces *.Api) and every integration event must be there.
        var contracttypen = typeof(IRegisterApi).Assembly.GetTypes()
            .Where(t => t.IsPublic && t is { IsAbstract: false, IsEnum: false, IsInterface: false }
                && t.Namespace?.EndsWith(".Api", StringComparison.Ordinal) == true && !t.Name.EndsWith("Extensions", StringComparison.Ordinal))
            .Concat(Eventing.IntegrationEventCatalogue.All);
        var ontbrekend = contracttypen.Where(t => ContractsJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.FullName).ToList();
        Assert.True(ontbrekend.Count == 0, "Add [JsonSerializable(typeof(...))] to ContractsJsonContext for:\n" + string.Join('\n', ontbrekend));
    }

    [Fact]
    public void de_client_heeft_precies_een_resiliencepijplijn_ook_naast_de_standaard_van_de_diensten()
    {
        var services = new ServiceCollection();
        // As ServiceDefaults does for every client of a RobuustOD service.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        var name = services.AddRegisterApiClient(new Uri("http://register.test")).Name;
        using var provider = services.BuildServiceProvider();

        // Creating the handler validates the resilience options (timeouts, breaker) as the first request would.
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        var pijplijnen = 0;
        for (var h = handler as DelegatingHandler; h is not null; h = h.InnerHandler as DelegatingHandler)
        {
            pijplijnen += h.GetType().Name == "ResilienceHandler" ? 1 : 0;
        }

        Assert.Equal(1, pijplijnen);
        Assert.NotNull(provider.GetRequiredService<IRegisterApi>());
    }

    [Fact]
    public void ongeldige_resilience_opties_vallen_op_bij_het_maken_van_de_client()
    {
        var services = new ServiceCollection();
        var name = services.AddRegisterApiClient(new Uri("http://register.test"),
            options => options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5)).Name;
        using var provider = services.BuildServiceProvider();

        Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name));
    }

    private const string Fusie = """
        {"opvolger":"ODGM","opvolgerNaam":"Omgevingsdienst Gelderland-Midden","opvolgerProvincies":["Gelderland"],
         "opvolgerAantalDeelnemers":16,"deelnemers":["ODA","ODB"],"ingangsdatum":"2026-01-01","aangekondigdOp":"2025-03-01",
         "status":"voltooid","_links":{"self":{"href":"/register/v1/fusies/ODGM"}},"extra":"onbekende velden worden genegeerd"}
        """;

    private static (IRegisterApi Api, RecordingHandler Handler) Client(string body, Uri? baseAddress = null,
        HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        var handler = new RecordingHandler(body, status, mediaType);
        var services = new ServiceCollection();
        services.AddRegisterApiClient(baseAddress ?? new Uri("http://register.test"))
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        // The provider lives as long as the test: the client holds on to its handlers.
        return (services.BuildServiceProvider().GetRequiredService<IRegisterApi>(), handler);
    }

    private sealed class RecordingHandler(string body, HttpStatusCode status, string mediaType) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, mediaType),
            });
        }
    }
}
