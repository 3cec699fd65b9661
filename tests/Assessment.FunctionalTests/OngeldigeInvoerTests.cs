using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// Bad input on the assessment never reaches the event store and never turns into a 500: each case answers with its
/// exact 4xx status as an RFC 9457 problem naming the invalid field(s).
/// </summary>
public sealed class OngeldigeInvoerTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private static JsonObject GeldigeScore() => new()
    {
        ["specifiekeVraag"] = null,
        ["maatregel"] = "Een maatregel uit het plan.",
        ["duiding"] = "De duiding.",
        ["bronnen"] = new JsonArray("PvA (blz 22)"),
        ["staatInPva"] = 0,
        ["haalbaarheid"] = 3,
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body, string clientId = "ienw",
        string mediatype = "application/json")
    {
        using var client = await Als(clientId);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediatype);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>Score bodies that must give 400, with the fields the problem must name.</summary>
    private static readonly Dictionary<string, (Action<JsonObject> Bederf, string[] Velden)> OngeldigeScores = new()
    {
        ["haalbaarheid 4"] = (s => s["haalbaarheid"] = 4, ["haalbaarheid"]),
        ["haalbaarheid 0"] = (s => s["haalbaarheid"] = 0, ["haalbaarheid"]),
        ["haalbaarheid als tekst"] = (s => s["haalbaarheid"] = "rood", ["haalbaarheid"]),
        ["staatInPva 2"] = (s => s["staatInPva"] = 2, ["staatInPva"]),
        ["staatInPva -1"] = (s => s["staatInPva"] = -1, ["staatInPva"]),
        ["staatInPva als boolean"] = (s => s["staatInPva"] = true, ["staatInPva"]),
        ["bronnen ontbreekt"] = (s => s.Remove("bronnen"), ["bronnen"]),
        ["bronnen null"] = (s => s["bronnen"] = null, ["bronnen"]),
        ["lege bron"] = (s => s["bronnen"] = new JsonArray(""), ["bronnen[0]"]),
        ["21 bronnen"] = (s => s["bronnen"] = new JsonArray([.. Enumerable.Range(1, 21).Select(i => (JsonNode)$"PvA (blz {i})")]), ["bronnen"]),
        ["duiding met NUL"] = (s => s["duiding"] = "Een\u0000duiding", ["duiding"]),
        ["maatregel te lang"] = (s => s["maatregel"] = new string('x', 20_001), ["maatregel"]),
        ["onbekend veld"] = (s => s["kleur"] = "rood", ["kleur"]),
    };

    public static TheoryData<string> OngeldigeScoreGevallen => [.. OngeldigeScores.Keys];

    [Theory]
    [MemberData(nameof(OngeldigeScoreGevallen))]
    public async Task een_ongeldige_score_geeft_400_met_de_velden_en_verandert_niets(string geval)
    {
        var (bederf, velden) = OngeldigeScores[geval];
        var id = await MaakConceptAsync();
        var score = GeldigeScore();
        bederf(score);
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/7", score.ToJsonString(), "beoordelaar");

        await response.AssertOngeldigAsync(velden);
        Assert.Equal(voor, await EventCountAsync());
        Assert.Empty((await GetJsonAsync($"{Base}/beoordelingen/{id}")).GetProperty("criteria").EnumerateArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task een_criterium_buiten_de_catalogus_geeft_400_op_nummer(int nummer)
    {
        var id = await MaakConceptAsync();
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/{nummer}", GeldigeScore().ToJsonString(), "beoordelaar");

        await response.AssertOngeldigAsync("nummer");
        Assert.Equal(voor, await EventCountAsync());
    }

    [Theory]
    [InlineData("24")]
    [InlineData("2024-")]
    [InlineData("2024-Herbeoordeling")]
    [InlineData("ronde-2024")]
    [InlineData("2024 ")]
    [InlineData("")]
    public async Task een_ronde_in_een_onbekend_formaat_geeft_400_op_ronde(string ronde)
    {
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Post, $"{Base}/beoordelingen",
            new JsonObject { ["omgevingsdienst"] = "ODG", ["ronde"] = ronde, ["planVanAanpak"] = null }.ToJsonString(), "beoordelaar");

        await response.AssertOngeldigAsync("ronde");
        Assert.Equal(voor, await EventCountAsync());
    }

    [Theory]
    [InlineData("ODX", "omgevingsdienst")]
    [InlineData("OD-G", "omgevingsdienst")]
    [InlineData("", "omgevingsdienst")]
    public async Task een_beoordeling_voor_een_onbekende_of_ongeldige_od_geeft_400(string code, string veld)
    {
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Post, $"{Base}/beoordelingen",
            new JsonObject { ["omgevingsdienst"] = code, ["ronde"] = NieuweRonde(), ["planVanAanpak"] = null }.ToJsonString(), "beoordelaar");

        await response.AssertOngeldigAsync(veld);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_beoordeling_met_het_plan_van_een_andere_od_geeft_400_op_planVanAanpak()
    {
        using var ienw = await Ienw();
        using var plan = await ienw.PostAsJsonAsync($"{Base}/plannen-van-aanpak", new
        {
            omgevingsdiensten = new[] { "FUMO" },
            ontvangenOp = "2024-07-01",
            versie = "1",
            document = new { titel = "Plan van FUMO", url = (string?)null, bestandsnaam = (string?)null, aantalPaginas = (int?)null },
        }, Ct);
        var planId = (await plan.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Post, $"{Base}/beoordelingen",
            new JsonObject { ["omgevingsdienst"] = "ODG", ["ronde"] = NieuweRonde(), ["planVanAanpak"] = planId }.ToJsonString(), "beoordelaar");

        await response.AssertOngeldigAsync("planVanAanpak");
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_tweede_beoordeling_in_dezelfde_ronde_geeft_409()
    {
        var ronde = NieuweRonde();
        await MaakConceptAsync(ronde: ronde);
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Post, $"{Base}/beoordelingen",
            new JsonObject { ["omgevingsdienst"] = "ODG", ["ronde"] = ronde, ["planVanAanpak"] = null }.ToJsonString(), "beoordelaar");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Theory]
    [InlineData("GET", "/beoordelingen/ODG")]
    [InlineData("GET", "/beoordelingen/ODG_2024")]
    [InlineData("GET", "/beoordelingen/ODG-24")]
    [InlineData("GET", "/beoordelingen/-2024")]
    [InlineData("GET", "/beoordelingen/ODG-2024-X")]
    [InlineData("GET", "/beoordelingen/ODG-1999")]
    [InlineData("GET", "/beoordelingen/ODG-2024/versies")]
    [InlineData("PUT", "/beoordelingen/ODG_2024/criteria/7")]
    [InlineData("PUT", "/beoordelingen/ODX-2024/criteria/7")]
    [InlineData("POST", "/beoordelingen/ODG_2024/publicatie")]
    [InlineData("POST", "/beoordelingen/ODG-1999/publicatie")]
    public async Task een_ongeldige_of_onbekende_beoordeling_geeft_404(string method, string pad)
    {
        var voor = await EventCountAsync();
        var body = method == "PUT" ? GeldigeScore().ToJsonString() : method == "POST" ? "{}" : null;

        using var response = await SendAsync(new HttpMethod(method), Base + pad, body);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_onbekend_veld_in_het_oordeel_geeft_400()
    {
        var id = await MaakConceptAsync();
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Put, $"{Base}/beoordelingen/{id}/oordeel",
            """{"oordeel":"robuust","tekortkomingen":[],"gesprekOp":null,"opmerkingen":null,"geadresseerde":null,"cijfer":8}""", "beoordelaar");

        await response.AssertOngeldigAsync("cijfer");
        Assert.Equal(voor, await EventCountAsync());
    }

    [Theory]
    [InlineData("""{"oordeel":"goed","tekortkomingen":[],"gesprekOp":null,"opmerkingen":null,"geadresseerde":null}""", "oordeel")]
    [InlineData("""{"oordeel":1,"tekortkomingen":[],"gesprekOp":null,"opmerkingen":null,"geadresseerde":null}""", "oordeel")]
    [InlineData("""{"oordeel":"robuust","gesprekOp":null,"opmerkingen":null,"geadresseerde":null}""", "tekortkomingen")]
    [InlineData("""{"oordeel":"robuust","tekortkomingen":[""],"gesprekOp":null,"opmerkingen":null,"geadresseerde":null}""", "tekortkomingen[0]")]
    [InlineData("""{"oordeel":"robuust","tekortkomingen":[],"gesprekOp":"20-11-2024","opmerkingen":null,"geadresseerde":null}""", "gesprekOp")]
    public async Task een_ongeldig_oordeel_geeft_400(string body, string veld)
    {
        var id = await MaakConceptAsync();
        var voor = await EventCountAsync();

        using var response = await SendAsync(HttpMethod.Put, $"{Base}/beoordelingen/{id}/oordeel", body, "beoordelaar");

        await response.AssertOngeldigAsync(veld);
        Assert.Equal(voor, await EventCountAsync());
    }

    /// <summary>Revision rows that must give 400, with the field the problem must name.</summary>
    private static readonly Dictionary<string, (Func<JsonObject> Rij, string Veld)> OngeldigeHerzieningsrijen = new()
    {
        ["haalbaarheid 4"] = (() => new JsonObject { ["nummer"] = 7, ["bronnen"] = new JsonArray(), ["haalbaarheid"] = 4 }, "criteria[0].haalbaarheid"),
        ["staatInPva 2"] = (() => new JsonObject { ["nummer"] = 7, ["bronnen"] = new JsonArray(), ["staatInPva"] = 2 }, "criteria[0].staatInPva"),
        ["nummer 99"] = (() => new JsonObject { ["nummer"] = 99, ["bronnen"] = new JsonArray(), ["haalbaarheid"] = 2 }, "criteria[0].nummer"),
        ["zonder nummer"] = (() => new JsonObject { ["bronnen"] = new JsonArray(), ["haalbaarheid"] = 2 }, "criteria[0].nummer"),
        ["zonder bronnen"] = (() => new JsonObject { ["nummer"] = 7, ["haalbaarheid"] = 2 }, "criteria[0].bronnen"),
        ["bron met NUL"] = (() => new JsonObject { ["nummer"] = 7, ["bronnen"] = new JsonArray("PvA\u0000"), ["haalbaarheid"] = 2 }, "criteria[0].bronnen[0]"),
        ["lege bron"] = (() => new JsonObject { ["nummer"] = 7, ["bronnen"] = new JsonArray(""), ["haalbaarheid"] = 2 }, "criteria[0].bronnen[0]"),
        ["bron van 201 tekens"] = (() => new JsonObject { ["nummer"] = 7, ["bronnen"] = new JsonArray(new string('b', 201)), ["haalbaarheid"] = 2 }, "criteria[0].bronnen[0]"),
    };

    public static TheoryData<string> OngeldigeHerzieningsGevallen => [.. OngeldigeHerzieningsrijen.Keys];

    [Theory]
    [MemberData(nameof(OngeldigeHerzieningsGevallen))]
    public async Task een_herziening_met_een_ongeldige_rij_geeft_400_en_verandert_niets(string geval)
    {
        var (rij, veld) = OngeldigeHerzieningsrijen[geval];
        var id = await GepubliceerdeBeoordelingAsync();
        var voor = await EventCountAsync();
        var body = new JsonObject { ["reden"] = "Correctie", ["criteria"] = new JsonArray(rij()) };

        using var response = await SendAsync(HttpMethod.Post, $"{Base}/beoordelingen/{id}/herzieningen", body.ToJsonString());

        await response.AssertOngeldigAsync(veld);
        Assert.Equal(voor, await EventCountAsync());
        Assert.Equal(1, (await GetJsonAsync($"{Base}/beoordelingen/{id}")).GetProperty("versie").GetInt32());
    }

    [Theory]
    [InlineData("versie=abc", "versie")]
    [InlineData("versie=99", null)]
    [InlineData("versie=0", null)]
    public async Task een_ongeldige_of_onbekende_versie_geeft_400_of_404(string query, string? veld)
    {
        var id = await GepubliceerdeBeoordelingAsync();

        using var client = await Ienw();
        using var response = await client.GetAsync($"{Base}/beoordelingen/{id}?{query}", Ct);

        if (veld is null)
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        else
        {
            await response.AssertOngeldigAsync(veld);
        }
    }

    [Theory]
    [InlineData("van=1", "naar")]
    [InlineData("van=een&naar=2", "van")]
    public async Task een_verschil_zonder_geldige_versies_geeft_400(string query, string veld)
    {
        var id = await GepubliceerdeBeoordelingAsync();
        using var client = await Ienw();
        using var response = await client.GetAsync($"{Base}/beoordelingen/{id}/verschillen?{query}", Ct);
        await response.AssertOngeldigAsync(veld);
    }

    [Theory]
    [InlineData("\"1", "If-Match")]
    [InlineData("1", "If-Match")]
    public async Task een_onleesbare_if_match_geeft_400(string ifMatch, string veld)
    {
        var id = await MaakConceptAsync();
        var voor = await EventCountAsync();
        using var client = await Beoordelaar();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/7")
        {
            Content = new StringContent(GeldigeScore().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        using var response = await client.SendAsync(request, Ct);

        await response.AssertOngeldigAsync(veld);
        Assert.Equal(voor, await EventCountAsync());
    }

    // A NUL character cannot go to PostgreSQL as text: an OD code with one is invalid input (400 naming the
    // parameter) or simply matches nothing (an empty list); never a 500. (In a path, the server refuses NUL itself.)
    [Theory]
    [InlineData("/beoordelingen?omgevingsdienst=OD%00G", "items")]
    [InlineData("/beoordelingen?omgevingsdienst=ODG&ronde=2024%00", "items")]
    [InlineData("/plannen-van-aanpak?omgevingsdienst=OD%00G", "plannenVanAanpak")]
    public async Task een_nul_teken_in_een_zoekparameter_geeft_400_of_niets_maar_geen_500(string pad, string lijst)
    {
        using var client = await Ienw();
        using var response = await client.GetAsync(Base + pad, Ct);

        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Empty((await response.AssertJsonAsync()).GetProperty(lijst).EnumerateArray());
        }
        else
        {
            await response.AssertOngeldigAsync(pad.Contains("ronde", StringComparison.Ordinal) ? "ronde" : "omgevingsdienst");
        }
    }

    [Fact]
    public async Task een_score_als_tekst_geeft_415_en_zonder_body_400()
    {
        var id = await MaakConceptAsync();
        var voor = await EventCountAsync();

        using (var alsTekst = await SendAsync(HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/7", GeldigeScore().ToJsonString(), "beoordelaar", "text/plain"))
        {
            await alsTekst.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }

        using (var zonderBody = await SendAsync(HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/7", "", "beoordelaar"))
        {
            await zonderBody.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var alsNull = await SendAsync(HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/7", "null", "beoordelaar"))
        {
            await alsNull.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(voor, await EventCountAsync());
    }
}
