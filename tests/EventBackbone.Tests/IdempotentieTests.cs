using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using RobuustOD.Assessment;
using RobuustOD.Contracts.Register;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.EventBackbone.Incoming;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>One subscriber (assessment, in memory), its topic route as daprd calls it.</summary>
public sealed class AssessmentSubscriber(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    public DevIdentityServer Identity => identity.Server;

    public ServiceFactory<AssessmentService> Service { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Service = new ServiceFactory<AssessmentService>(await postgres.CreateDatabaseAsync("idempotentie", TestContext.Current.CancellationToken), Identity);
        _ = Service.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
    }
}

public sealed partial class IdempotentieTests(AssessmentSubscriber subscriber, PostgresServer postgres) : IClassFixture<AssessmentSubscriber>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Gelderland = ["Gelderland"];

    [Fact]
    public async Task een_cloudevent_zoals_daprd_het_aflevert_wordt_verwerkt()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        Assert.Equal("events/register", route);

        var cloudEvent = Geregistreerd("IDA", "Omgevingsdienst Idempotent A");
        var (status, body) = await PostAsync(http, route, cloudEvent);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SUCCESS", body);
        var od = await OdAsync("IDA");
        Assert.Equal("Omgevingsdienst Idempotent A", od?.GetProperty("naam").GetString());
        Assert.Equal(["Gelderland"], od?.GetProperty("provincies").EnumerateArray().Select(p => p.GetString()));
        // The CloudEvent attributes reach the handler: bijgewerktOp is the event's time.
        Assert.Equal(DateTimeOffset.Parse(cloudEvent["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            od?.GetProperty("bijgewerktOp").GetDateTimeOffset());
        Assert.Equal(1, await InboxAsync("IDA"));
    }

    [Fact]
    public async Task dezelfde_cloudevent_nogmaals_heeft_geen_tweede_effect()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        var b = Gewijzigd("IDB", "Naam B");
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, Geregistreerd("IDB", "Naam A")));
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, b));
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, Gewijzigd("IDB", "Naam C")));

        // B again, after C: acknowledged, but C stays.
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, b));

        Assert.Equal("Naam C", (await OdAsync("IDB"))?.GetProperty("naam").GetString());
        Assert.Equal(3, await InboxAsync("IDB"));
    }

    [Fact]
    public async Task tien_gelijktijdige_bezorgingen_van_dezelfde_cloudevent_hebben_een_effect()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, Geregistreerd("IDC", "Naam A")));
        var wijziging = Gewijzigd("IDC", "Naam B");

        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(http, route, wijziging)));

        Assert.All(antwoorden, a => Assert.Equal((HttpStatusCode.OK, "SUCCESS"), a));
        Assert.Equal("Naam B", (await OdAsync("IDC"))?.GetProperty("naam").GetString());
        Assert.Equal(2, await InboxAsync("IDC"));
        await using var session = subscriber.Service.Store.QuerySession();
        var sleutel = VerwerkteGebeurtenis.Sleutel(DaprdCloudEvent.RegisterSource, wijziging["id"]!.GetValue<string>());
        Assert.Equal(1, await session.Query<VerwerkteGebeurtenis>().Where(v => v.Id == sleutel).CountAsync(Ct));
    }

    [Fact]
    public async Task een_onbekend_type_wordt_bevestigd_zonder_inboxregel()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        var onbekend = DaprdCloudEvent.Maak("nl.robuustod.register.iets-nieuws.v1", new JsonObject { ["code"] = "IDD" }, Guid.NewGuid().ToString(), "IDD");

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, onbekend));

        Assert.Equal(0, await InboxAsync("IDD"));
        Assert.Null(await OdAsync("IDD"));
    }

    [Fact]
    public async Task een_cloudevent_zonder_id_wordt_gedropt()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        var zonderId = DaprdCloudEvent.Voor(new OmgevingsdienstGeregistreerdV1("IDE", "Naam", Gelderland, null, null, []), subject: "IDE");
        zonderId.Remove("id");

        Assert.Equal((HttpStatusCode.OK, "DROP"), await PostAsync(http, route, zonderId));

        Assert.Equal(0, await InboxAsync("IDE"));
        Assert.Null(await OdAsync("IDE"));
    }

    [Fact]
    public async Task een_json_bericht_dat_geen_cloudevent_is_wordt_gedropt()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);

        using var response = await http.PostAsJsonAsync("/" + route, new OmgevingsdienstGeregistreerdV1("IDF", "Naam", Gelderland, null, null, []), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DROP", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Null(await OdAsync("IDF"));
    }

    [Theory]
    [InlineData("wrong-type", """{"code":"IDG","naam":42,"provincies":["Gelderland"],"aantalDeelnemers":null}""")]
    [InlineData("not-an-object", "\"IDG\"")]
    [InlineData("missing-members", """{"code":"IDG"}""")]
    [InlineData("null-members", """{"code":"IDG","naam":null,"provincies":null,"aantalDeelnemers":null}""")]
    public async Task een_payload_die_niet_bij_het_type_past_wordt_gedropt(string geval, string data)
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        var code = "IDG" + geval.Length;
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, Geregistreerd(code, "Naam vooraf")));
        var misvormd = DaprdCloudEvent.Maak(Type<OmgevingsdienstGewijzigdV1>(), JsonNode.Parse(data.Replace("IDG", code, StringComparison.Ordinal))!,
            Guid.NewGuid().ToString(), code);

        var antwoord = await PostAsync(http, route, misvormd);

        Assert.True(antwoord == (HttpStatusCode.OK, "DROP"), $"{geval}: expected 200 DROP, got {(int)antwoord.Status} {antwoord.Body}");
        Assert.Equal("Naam vooraf", (await OdAsync(code))?.GetProperty("naam").GetString());
        Assert.Equal(1, await InboxAsync(code));
    }

    [Fact]
    public async Task een_registratie_zonder_code_wordt_gedropt_niet_eindeloos_herhaald()
    {
        // A 500 means "retry" to Dapr and to the standalone forwarder: an event that can never apply must be dropped.
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        var zonderCode = DaprdCloudEvent.Maak(Type<OmgevingsdienstGeregistreerdV1>(),
            JsonNode.Parse("""{"naam":"Zonder code","provincies":["Gelderland"],"aantalDeelnemers":null,"opgerichtOp":null,"voorgangers":[]}""")!,
            Guid.NewGuid().ToString(), "IDN");

        Assert.Equal((HttpStatusCode.OK, "DROP"), await PostAsync(http, route, zonderCode));

        Assert.Equal(0, await InboxAsync("IDN"));
    }

    [Fact]
    public async Task een_nieuw_veld_in_data_wordt_genegeerd()
    {
        // The contract: within a version fields may be added; subscribers ignore unknown fields.
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, Geregistreerd("IDH", "Naam A")));
        var metExtraVeld = Gewijzigd("IDH", "Naam B");
        metExtraVeld["data"]!["websiteUrl"] = "https://www.example.nl";

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, metExtraVeld));

        Assert.Equal("Naam B", (await OdAsync("IDH"))?.GetProperty("naam").GetString());
    }

    [Fact]
    public async Task een_wijziging_van_een_onbekende_omgevingsdienst_wordt_gedropt()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);

        Assert.Equal((HttpStatusCode.OK, "DROP"), await PostAsync(http, route, Gewijzigd("IDX", "Nooit geregistreerd")));

        Assert.Equal(0, await InboxAsync("IDX"));
        Assert.Null(await OdAsync("IDX"));
    }

    [Fact]
    public async Task een_registratie_die_alleen_in_hoofdletters_verschilt_van_een_bekende_wordt_gedropt()
    {
        // Codes are unique regardless of case: a second OD 'IDVELUWE' next to 'IDVeluwe' would be a second copy of
        // one OD (or a foreign one merged into it if mapped). The event can never apply: DROP, nothing stored.
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, route, Geregistreerd("IDVeluwe", "De echte")));

        Assert.Equal((HttpStatusCode.OK, "DROP"), await PostAsync(http, route, Geregistreerd("IDVELUWE", "Een andere schrijfwijze")));
        Assert.Equal((HttpStatusCode.OK, "DROP"), await PostAsync(http, route, Gewijzigd("IDVELUWE", "Nog een")));

        Assert.Null(await OdAsync("IDVELUWE"));
        Assert.Equal("De echte", (await OdAsync("IDVeluwe"))?.GetProperty("naam").GetString());
        Assert.Equal(0, await InboxAsync("IDVELUWE"));
        Assert.Equal(1, await InboxAsync("IDVeluwe"));
    }

    [Fact]
    public async Task gelijktijdige_registraties_die_alleen_in_hoofdletters_verschillen_leveren_een_omgevingsdienst_op()
    {
        using var http = subscriber.Service.SidecarClient();
        var route = await RouteAsync(http);
        for (var ronde = 0; ronde < 10; ronde++)
        {
            var code = $"IDGelijk{ronde}";

            var antwoorden = await Task.WhenAll(
                PostAsync(http, route, Geregistreerd(code, "Gemengd")), PostAsync(http, route, Geregistreerd(code.ToUpperInvariant(), "Hoofdletters")));

            Assert.All(antwoorden, a => Assert.True(a.Status == HttpStatusCode.OK && a.Body is "SUCCESS" or "DROP",
                $"round {ronde}: expected 200 SUCCESS or DROP, got {(int)a.Status} {a.Body}"));
            await using var session = subscriber.Service.Store.QuerySession();
            var sleutel = code.ToUpperInvariant();
            var bekend = await session.Query<RobuustOD.RegisterReadModel.OmgevingsdienstUitRegister>().Where(o => o.Id.Equals(sleutel, StringComparison.OrdinalIgnoreCase)).ToListAsync(Ct);
            Assert.True(bekend.Count == 1, $"round {ronde}: expected one OD, got [{string.Join(", ", bekend.Select(o => o.Id))}]");
        }
    }

    [Fact]
    public async Task met_een_app_api_token_vereisen_de_eventendpoints_dat_token()
    {
        await using var beveiligd = new ServiceFactory<AssessmentService>(await postgres.CreateDatabaseAsync("apptoken", Ct), subscriber.Identity,
            new Dictionary<string, string?> { ["Eventing:AppApiToken"] = "geheim-van-daprd" });
        using var http = beveiligd.CreateClient();

        using (var zonder = await http.GetAsync("/dapr/subscribe", Ct))
        {
            Assert.Contains(zonder.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        }

        var cloudEvent = Geregistreerd("IDT", "Naam");
        using (var zonder = await http.PostAsync("/events/register", DaprdCloudEvent.Content(cloudEvent), Ct))
        {
            Assert.Contains(zonder.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        }

        using (var fout = new HttpRequestMessage(HttpMethod.Post, "/events/register") { Content = DaprdCloudEvent.Content(cloudEvent) })
        {
            fout.Headers.Add("dapr-api-token", "iets-anders");
            using var response = await http.SendAsync(fout, Ct);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        }

        // An IenW bearer token is no substitute for the sidecar's token.
        using (var bearer = await beveiligd.ClientAsync("ienw", Ct))
        using (var response = await bearer.PostAsync("/events/register", DaprdCloudEvent.Content(cloudEvent), Ct))
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        }

        http.DefaultRequestHeaders.Add("dapr-api-token", "geheim-van-daprd");
        using (var subscribe = await http.GetAsync("/dapr/subscribe", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, subscribe.StatusCode);
        }

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), await PostAsync(http, "events/register", cloudEvent));
    }

    private static string Type<TEvent>() => RobuustOD.Contracts.Eventing.IntegrationEventCatalogue.Describe(typeof(TEvent)).Type;

    private static JsonObject Geregistreerd(string code, string naam) =>
        DaprdCloudEvent.Voor(new OmgevingsdienstGeregistreerdV1(code, naam, Gelderland, 7, new DateOnly(2013, 1, 1), []), subject: code);

    private static JsonObject Gewijzigd(string code, string naam) =>
        DaprdCloudEvent.Voor(new OmgevingsdienstGewijzigdV1(code, naam, Gelderland, 7), subject: code);

    private static async Task<string> RouteAsync(HttpClient http)
    {
        var subscriptions = await http.GetFromJsonAsync<JsonElement>("/dapr/subscribe", Ct);
        return subscriptions.EnumerateArray().Single(s => s.GetProperty("topic").GetString() == "register").GetProperty("route").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string? Body)> PostAsync(HttpClient http, string route, JsonObject cloudEvent)
    {
        using var response = await http.PostAsync("/" + route, DaprdCloudEvent.Content(cloudEvent), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, text);
        }

        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text).GetProperty("status").GetString());
    }

    private async Task<JsonElement?> OdAsync(string code)
    {
        using var http = await subscriber.Service.ClientAsync("ipo", Ct);
        using var response = await http.GetAsync($"/beoordeling/v1/omgevingsdiensten/{code}", Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<int> InboxAsync(string code)
    {
        await using var session = subscriber.Service.Store.QuerySession();
        return await session.Query<VerwerkteGebeurtenis>().Where(v => v.Onderwerp == code).CountAsync(Ct);
    }
}
