using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// Bad input never reaches the event store and never turns into a 500: every case answers with
/// its exact 4xx status as an RFC 9457 problem that names the invalid field(s).
/// </summary>
public sealed class OngeldigeInvoerTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    private const string Omgevingsdiensten = Base + "/omgevingsdiensten";

    /// <summary>A valid registration body; each case spoils it in one way.</summary>
    private static JsonObject GeldigVerzoek(string code) => new()
    {
        ["code"] = code,
        ["naam"] = $"Omgevingsdienst {code}",
        ["provincies"] = new JsonArray("Utrecht"),
        ["aantalDeelnemers"] = 7,
        ["opgerichtOp"] = "2015-01-01",
    };

    private static string Met(string code, Action<JsonObject> bederf)
    {
        var body = GeldigVerzoek(code);
        bederf(body);
        return body.ToJsonString();
    }

    /// <summary>Registration bodies that must give 400, with the fields the problem must name.</summary>
    private static readonly Dictionary<string, (Func<string, string> Body, string[] Velden)> OngeldigeRegistraties = new()
    {
        ["onbekend veld"] = (c => Met(c, b => b["kleur"] = "rood"), ["kleur"]),
        ["string voor aantalDeelnemers"] = (c => Met(c, b => b["aantalDeelnemers"] = "7"), ["aantalDeelnemers"]),
        ["getal voor naam"] = (c => Met(c, b => b["naam"] = 42), ["naam"]),
        ["onmogelijke datum voor opgerichtOp"] = (c => Met(c, b => b["opgerichtOp"] = "2024-13-45"), ["opgerichtOp"]),
        ["provincies als string"] = (c => Met(c, b => b["provincies"] = "Utrecht"), ["provincies"]),
        ["code ontbreekt"] = (c => Met(c, b => b.Remove("code")), ["code"]),
        ["naam ontbreekt"] = (c => Met(c, b => b.Remove("naam")), ["naam"]),
        ["provincies ontbreekt"] = (c => Met(c, b => b.Remove("provincies")), ["provincies"]),
        ["code, naam en provincies ontbreken"] = (c => Met(c, b =>
        {
            b.Remove("code");
            b.Remove("naam");
            b.Remove("provincies");
        }), ["code", "naam", "provincies"]),
        ["code, naam en provincies null"] = (c => Met(c, b =>
        {
            b["code"] = null;
            b["naam"] = null;
            b["provincies"] = null;
        }), ["code", "naam", "provincies"]),
        ["opgerichtOp ontbreekt"] = (c => Met(c, b => b.Remove("opgerichtOp")), ["opgerichtOp"]),
        ["lege naam"] = (c => Met(c, b => b["naam"] = "  "), ["naam"]),
        ["lege provincies"] = (c => Met(c, b => b["provincies"] = new JsonArray()), ["provincies"]),
        ["aantalDeelnemers nul"] = (c => Met(c, b => b["aantalDeelnemers"] = 0), ["aantalDeelnemers"]),
        ["code te kort"] = (_ => Met("A", _ => { }), ["code"]),
        ["code van 5000 tekens"] = (_ => Met("A" + new string('B', 4999), _ => { }), ["code"]),
        ["code met streepje"] = (c => Met(c + "-X", _ => { }), ["code"]),
        ["code met right-to-left mark"] = (c => Met(c + "\u200F", _ => { }), ["code"]),
        ["code met NUL"] = (c => Met(c + "\u0000", _ => { }), ["code"]),
        ["naam met NUL"] = (c => Met(c, b => b["naam"] = "Omgevingsdienst\u0000Test"), ["naam"]),
        ["onbekende provincie"] = (c => Met(c, b => b["provincies"] = new JsonArray("Utrecht", "Atlantis")), ["provincies"]),
        ["dubbele provincie"] = (c => Met(c, b => b["provincies"] = new JsonArray("Utrecht", "Utrecht")), ["provincies"]),
    };

    public static TheoryData<string> OngeldigeRegistratieGevallen => [.. OngeldigeRegistraties.Keys];

    [Theory]
    [MemberData(nameof(OngeldigeRegistratieGevallen))]
    public async Task een_ongeldige_registratie_geeft_400_met_de_ongeldige_velden(string geval)
    {
        var (body, velden) = OngeldigeRegistraties[geval];
        var code = NieuweCode();
        var voor = await App.EventCountAsync(Ct);

        using var response = await PostRawAsync(Omgevingsdiensten, Encoding.UTF8.GetBytes(body(code)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        problem.AssertNoemt(velden);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await AssertBestaatNietAsync(code);
    }

    public static TheoryData<string, string> OngeldigeJson => new()
    {
        { "afgebroken JSON", """{"code": "ODX", "naam": """ },
        { "komma te veel", """{"code": "ODX", "naam": "X", "provincies": ["Utrecht"], "opgerichtOp": null,}""" },
        { "geen JSON", "code=ODX&naam=X" },
        { "JSON-array in plaats van object", """[{"code": "ODX", "naam": "X", "provincies": ["Utrecht"], "opgerichtOp": null}]""" },
        { "JSON-string in plaats van object", "\"ODX\"" },
        { "JSON null", "null" },
        { "leeg object", "{}" },
    };

    [Theory]
    [MemberData(nameof(OngeldigeJson))]
    public async Task onbruikbare_json_geeft_400_problem(string geval, string body)
    {
        var voor = await App.EventCountAsync(Ct);
        using var response = await PostRawAsync(Omgevingsdiensten, Encoding.UTF8.GetBytes(body));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.ErrorFields().Count > 0 || geval == "JSON null", $"{geval}: the problem names no field: {problem}");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_lege_body_geeft_400_problem()
    {
        var voor = await App.EventCountAsync(Ct);
        using var response = await PostRawAsync(Omgevingsdiensten, []);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_body_met_ongeldige_utf8_geeft_400_en_wordt_niet_opgeslagen()
    {
        var code = NieuweCode();
        var voor = await App.EventCountAsync(Ct);
        // 0xFF and 0xFE never occur in UTF-8; 0xC3 0x28 is a broken two-byte sequence.
        byte[] body =
        [
            .. Encoding.UTF8.GetBytes($$"""{"code":"{{code}}","naam":"OD """), 0xFF, 0xFE, 0xC3, 0x28,
            .. Encoding.UTF8.GetBytes("\",\"provincies\":[\"Utrecht\"],\"aantalDeelnemers\":7,\"opgerichtOp\":null}"),
        ];

        using var response = await PostRawAsync(Omgevingsdiensten, body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await AssertBestaatNietAsync(code);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task een_ander_mediatype_dan_json_geeft_415(string mediatype)
    {
        var code = NieuweCode();
        var voor = await App.EventCountAsync(Ct);
        using var response = await PostRawAsync(Omgevingsdiensten, Encoding.UTF8.GetBytes(GeldigVerzoek(code).ToJsonString()), mediatype);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await AssertBestaatNietAsync(code);
    }

    /// <summary>
    /// The 1 MB limit is Kestrel's (TestServer applies no body limit), so this test runs the registry on
    /// Kestrel, on the class's database. The body is valid JSON padded with whitespace: without the limit
    /// it would register the OD.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task een_body_boven_de_limiet_van_1_mb_geeft_413(bool chunked)
    {
        var code = NieuweCode();
        var voor = await App.EventCountAsync(Ct);
        var verzoek = GeldigVerzoek(code).ToJsonString();
        var body = Encoding.UTF8.GetBytes(verzoek[..1] + new string(' ', 1_100_000) + verzoek[1..]);
        var database = App.Services.GetRequiredService<IConfiguration>().GetConnectionString("robuustod")!;
        await using var kestrel = new ServiceFactory<RegistryService>(database, App.Identity);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        // CreateClient() without options: its base address is the Kestrel server's (options would reset it to http://localhost).
        using var client = kestrel.CreateClient();
        await App.Identity.AuthorizeAsync(client, "ienw", Ct);

        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Omgevingsdiensten) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await client.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await AssertBestaatNietAsync(code);
    }

    [Theory]
    [InlineData("peildatum=2024-02-30", "peildatum")]
    [InlineData("peildatum=morgen", "peildatum")]
    [InlineData("paginaGrootte=101", "paginaGrootte")]
    [InlineData("paginaGrootte=0", "paginaGrootte")]
    [InlineData("paginaGrootte=veel", "paginaGrootte")]
    [InlineData("pagina=0", "pagina")]
    [InlineData("pagina=-1", "pagina")]
    [InlineData("status=kapot", "status")]
    [InlineData("status=1", "status")]
    [InlineData("provincie=Atlantis", "provincie")]
    [InlineData("seveso=misschien", "seveso")]
    public async Task een_ongeldige_zoekparameter_geeft_400_met_de_parameter(string query, string parameter)
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync($"{Omgevingsdiensten}?{query}", Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        problem.AssertNoemt(parameter);
    }

    [Fact]
    public async Task meerdere_ongeldige_zoekparameters_worden_in_een_keer_gemeld()
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync($"{Omgevingsdiensten}?paginaGrootte=101&pagina=0&status=kapot&provincie=Atlantis", Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        problem.AssertNoemt("paginaGrootte", "pagina", "status", "provincie");
    }

    [Theory]
    [InlineData("/omgevingsdiensten/")]
    [InlineData("/fusies/")]
    public async Task een_afsluitende_slash_geeft_404_problem_en_geen_redirect(string pad)
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync(Base + pad, Ct);
        Assert.Null(response.Headers.Location);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task een_afsluitende_slash_achter_een_bestaande_omgevingsdienst_geeft_404()
    {
        var code = await RegistreerAsync();
        using var client = await Anoniem();
        using var response = await client.GetAsync($"{Omgevingsdiensten}/{code}/", Ct);
        Assert.Null(response.Headers.Location);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task delete_op_een_omgevingsdienst_geeft_405_met_allow()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await client.DeleteAsync($"{Omgevingsdiensten}/{code}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        var allow = response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var values) ? values : [])
            .SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(allow.Count > 0, "405 without an Allow header");
        Assert.Contains("GET", allow);
        Assert.Contains("PATCH", allow);
        Assert.DoesNotContain("DELETE", allow);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task put_op_de_collectie_geeft_405_met_allow()
    {
        using var client = await Ienw();
        using var response = await client.PutAsJsonAsync(Omgevingsdiensten, GeldigVerzoek(NieuweCode()), Ct);
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        var allow = response.Content.Headers.Allow.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("GET", allow);
        Assert.Contains("POST", allow);
    }

    [Theory]
    [InlineData("/bestaat-niet")]
    [InlineData("/omgevingsdiensten/ODG/onzin")]
    [InlineData("/register/v2/omgevingsdiensten")]
    [InlineData("/")]
    public async Task een_onbekend_pad_geeft_404_problem(string pad)
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync(pad.StartsWith("/register/", StringComparison.Ordinal) || pad == "/" ? pad : Base + pad, Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Codes in the path that cannot exist must not reach PostgreSQL as they are (huge keys, non-ASCII).
    /// A NUL (%00) in the path cannot be sent through TestServer (its client refuses it); Kestrel answers 400 itself.
    /// </summary>
    [Theory]
    [InlineData("A")]
    [InlineData("AB%E2%80%8FC")]
    [InlineData("AB-C")]
    [InlineData("LANG")]
    public async Task een_onmogelijke_code_in_het_pad_geeft_een_4xx_problem(string code)
    {
        if (code == "LANG")
        {
            code = "A" + new string('B', 4999);
        }

        var voor = await App.EventCountAsync(Ct);
        using var lezer = await Anoniem();
        using var get = await lezer.GetAsync($"{Omgevingsdiensten}/{code}", Ct);
        await AssertProblemOneOfAsync(get, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        using var historie = await lezer.GetAsync($"{Omgevingsdiensten}/{code}/historie", Ct);
        await AssertProblemOneOfAsync(historie, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);

        using var schrijver = await Ienw();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"{Omgevingsdiensten}/{code}")
        {
            Content = JsonContent.Create(new { naam = "Nieuwe naam" }),
        };
        using var response = await schrijver.SendAsync(patch, Ct);
        await AssertProblemOneOfAsync(response, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        using var zelftoets = await schrijver.PostAsJsonAsync($"{Omgevingsdiensten}/{code}/zelftoetsen",
            new { robuust = true, beoordeeldOp = "2023-10-01", toelichting = (string?)null }, Ct);
        await AssertProblemOneOfAsync(zelftoets, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task wijzigen_met_een_nul_in_de_naam_geeft_400_en_verandert_niets()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Omgevingsdiensten}/{code}")
        {
            Content = JsonContent.Create(new { naam = "Nieuw\u0000" }),
        };
        using var response = await client.SendAsync(request, Ct);
        await response.AssertOngeldigAsync("naam");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task wijzigen_zonder_enig_veld_geeft_400()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Omgevingsdiensten}/{code}") { Content = JsonContent.Create(new { }) };
        using var response = await client.SendAsync(request, Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorFields());
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_zelftoets_zonder_robuust_en_datum_geeft_400_met_beide_velden()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Omgevingsdiensten}/{code}/zelftoetsen", new { toelichting = "x" }, Ct);
        await response.AssertOngeldigAsync("robuust", "beoordeeldOp");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_fusie_met_ingangsdatum_voor_aankondiging_geeft_400()
    {
        var a = await RegistreerAsync();
        var b = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);

        using var response = await KondigFusieAanAsync([a, b], ingangsdatum: "2025-01-01", aangekondigdOp: "2025-06-01");

        await response.AssertOngeldigAsync("ingangsdatum");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_fusie_met_een_deelnemer_geeft_400()
    {
        var a = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);

        using var response = await KondigFusieAanAsync([a]);

        await response.AssertOngeldigAsync("deelnemers");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_fusie_met_een_dubbele_deelnemer_geeft_400()
    {
        var a = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);

        using var response = await KondigFusieAanAsync([a, a]);

        await response.AssertOngeldigAsync("deelnemers");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_fusie_met_een_onbekende_deelnemer_geeft_400_en_verandert_de_andere_niet()
    {
        var a = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);

        using var response = await KondigFusieAanAsync([a, NieuweCode("ONB")]);

        await response.AssertOngeldigAsync("deelnemers[1]");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_fusie_zonder_opvolger_en_datums_geeft_400_met_alle_velden()
    {
        var a = await RegistreerAsync();
        var b = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/fusies", new { deelnemers = new[] { a, b } }, Ct);
        await response.AssertOngeldigAsync("opvolger", "ingangsdatum", "aangekondigdOp");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task seveso_aanwijzing_voor_een_onbekende_provincie_geeft_400()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await client.PutAsJsonAsync($"{Omgevingsdiensten}/{code}/seveso-aanwijzing",
            new { provincies = new[] { "Atlantis" }, ingangsdatum = "2020-01-01" }, Ct);

        await response.AssertOngeldigAsync("provincies");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        Assert.False((await GetJsonAsync($"{Omgevingsdiensten}/{code}")).GetProperty("seveso").GetBoolean());
    }

    [Fact]
    public async Task seveso_aanwijzing_met_een_onbekend_veld_geeft_400()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await client.PutAsJsonAsync($"{Omgevingsdiensten}/{code}/seveso-aanwijzing",
            new { provincies = new[] { "Utrecht" }, ingangsdatum = "2020-01-01", einddatum = "2030-01-01" }, Ct);

        await response.AssertOngeldigAsync("einddatum");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    private async Task<HttpResponseMessage> KondigFusieAanAsync(string[] deelnemers, string ingangsdatum = "2026-01-01",
        string aangekondigdOp = "2025-06-01")
    {
        using var client = await Ienw();
        return await client.PostAsJsonAsync($"{Base}/fusies", new
        {
            deelnemers,
            opvolger = new { code = NieuweCode("OPV"), naam = "Opvolger", provincies = new[] { "Utrecht" }, aantalDeelnemers = 10 },
            ingangsdatum,
            aangekondigdOp,
        }, Ct);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string url, byte[] body, string mediatype = "application/json")
    {
        using var client = await Ienw();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediatype);
        return await client.PostAsync(url, content, Ct);
    }

    private async Task AssertBestaatNietAsync(string code)
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync($"{Omgevingsdiensten}/{code}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task AssertProblemOneOfAsync(HttpResponseMessage response, params HttpStatusCode[] statuses)
    {
        var status = statuses.Contains(response.StatusCode) ? response.StatusCode : statuses[0];
        await response.AssertProblemAsync(status);
    }
}
