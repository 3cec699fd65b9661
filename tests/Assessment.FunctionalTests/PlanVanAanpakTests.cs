using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// Plans of approach: an OD registers its own (or IenW on its behalf); two merging ODs may hand in one joint plan.
/// The register decides who may: known, not dissolved, not robust on the zelftoets.
/// </summary>
public sealed class PlanVanAanpakTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private const string Plannen = Base + "/plannen-van-aanpak";

    private static JsonObject Plan(params string[] omgevingsdiensten) => new()
    {
        ["omgevingsdiensten"] = new JsonArray([.. omgevingsdiensten.Select(c => (JsonNode)c)]),
        ["ontvangenOp"] = "2024-07-01",
        ["versie"] = "1",
        ["document"] = new JsonObject
        {
            ["titel"] = "Plan van aanpak Robuuste Omgevingsdienst",
            ["url"] = "https://www.example.nl/pva.pdf",
            ["bestandsnaam"] = "pva.pdf",
            ["aantalPaginas"] = 30,
        },
    };

    private async Task<HttpResponseMessage> RegistreerAsync(string clientId, JsonObject plan)
    {
        using var client = await Als(clientId);
        using var content = new StringContent(plan.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(Plannen, content, Ct);
    }

    private async Task<List<JsonElement>> PlannenVanAsync(string code, string clientId = "ienw") =>
        [.. (await GetJsonAsync($"{Plannen}?omgevingsdienst={code}", clientId)).GetProperty("plannenVanAanpak").EnumerateArray()];

    [Fact]
    public async Task een_od_registreert_zijn_eigen_plan()
    {
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("od-ODG", Plan(Register.Odg));

        var plan = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal([Register.Odg], plan.GetProperty("omgevingsdiensten").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("2024-07-01", plan.GetProperty("ontvangenOp").GetString());
        Assert.Equal("Plan van aanpak Robuuste Omgevingsdienst", plan.GetProperty("document").GetProperty("titel").GetString());
        Assert.Equal(voor + 1, await EventCountAsync());
        var id = plan.GetProperty("id").GetString();
        Assert.Contains(await PlannenVanAsync(Register.Odg, "od-ODG"), p => p.GetProperty("id").GetString() == id);
        var historie = await GetJsonAsync($"{Base}/omgevingsdiensten/ODG/historie");
        Assert.Contains(historie.GetProperty("gebeurtenissen").EnumerateArray(), e => e.GetProperty("door").GetString() == "od-ODG");
    }

    [Fact]
    public async Task een_od_registreert_geen_plan_voor_een_andere_od()
    {
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("od-ODG", Plan(Register.Fumo));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await EventCountAsync());
        Assert.Empty(await PlannenVanAsync(Register.Fumo));
    }

    [Fact]
    public async Task een_od_ziet_de_plannen_van_een_andere_od_niet()
    {
        using var client = await Od(Register.Fumo);
        using var response = await client.GetAsync($"{Plannen}?omgevingsdienst=ODG", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task een_onbekende_od_geeft_400_op_omgevingsdiensten_0()
    {
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("ienw", Plan(Register.Onbekend));

        await response.AssertOngeldigAsync("omgevingsdiensten[0]");
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_onbekende_tweede_od_geeft_400_op_omgevingsdiensten_1_en_niets_voor_de_eerste()
    {
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("ienw", Plan(Register.Fumo, Register.Onbekend));

        await response.AssertOngeldigAsync("omgevingsdiensten[1]");
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_opgeheven_od_dient_geen_plan_in()
    {
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("ienw", Plan(Register.Odnv));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("opgeheven", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_op_de_zelftoets_robuuste_od_dient_geen_plan_in()
    {
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("ienw", Plan(Register.Odbn));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("zelftoets", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task ienw_registreert_een_gezamenlijk_plan_dat_in_beide_dossiers_staat()
    {
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("ienw", Plan(Register.Odru, Register.Rudu));

        var plan = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = plan.GetProperty("id").GetString();
        Assert.Equal(voor + 2, await EventCountAsync());
        foreach (var code in new[] { Register.Odru, Register.Rudu })
        {
            var gevonden = Assert.Single(await PlannenVanAsync(code), p => p.GetProperty("id").GetString() == id);
            Assert.Equal([Register.Odru, Register.Rudu], gevonden.GetProperty("omgevingsdiensten").EnumerateArray().Select(o => o.GetString()));
        }
    }

    [Fact]
    public async Task een_deelnemer_registreert_het_gezamenlijke_plan_een_buitenstaander_niet()
    {
        var voor = await EventCountAsync();
        using var buitenstaander = await RegistreerAsync("od-ODG", Plan(Register.Odru, Register.Rudu));
        await buitenstaander.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await EventCountAsync());

        using var deelnemer = await RegistreerAsync("od-ODRU", Plan(Register.Odru, Register.Rudu));

        // Handed in by one of them, it waits for the other's consent (GezamenlijkPlanTests) before it is in RUDU's dossier.
        var plan = await deelnemer.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("wachtOpInstemming", plan.GetProperty("status").GetString());
        Assert.Equal(voor + 2, await EventCountAsync());
        Assert.DoesNotContain(await PlannenVanAsync(Register.Rudu, "od-RUDU"), p => p.GetProperty("id").GetString() == plan.GetProperty("id").GetString());
    }

    /// <summary>Plan bodies that must give 400, with the fields the problem must name.</summary>
    private static readonly Dictionary<string, (Action<JsonObject> Bederf, string[] Velden)> OngeldigePlannen = new()
    {
        ["document zonder titel"] = (p => p["document"]!.AsObject().Remove("titel"), ["document.titel"]),
        ["ontvangenOp als getal"] = (p => p["ontvangenOp"] = 20240701, ["ontvangenOp"]),
        ["ontvangenOp geen datum"] = (p => p["ontvangenOp"] = "1 juli 2024", ["ontvangenOp"]),
        ["onbekend veld"] = (p => p["kleur"] = "rood", ["kleur"]),
        ["url niet http(s)"] = (p => p["document"]!["url"] = "ftp://example.nl/pva.pdf", ["document.url"]),
        ["url relatief"] = (p => p["document"]!["url"] = "/pva.pdf", ["document.url"]),
        ["geen omgevingsdiensten"] = (p => p["omgevingsdiensten"] = new JsonArray(), ["omgevingsdiensten"]),
        ["dubbele omgevingsdienst"] = (p => p["omgevingsdiensten"] = new JsonArray("ODRU", "ODRU"), ["omgevingsdiensten"]),
        ["geen OD-code"] = (p => p["omgevingsdiensten"] = new JsonArray("OD-G"), ["omgevingsdiensten[0]"]),
        ["titel met NUL"] = (p => p["document"]!["titel"] = "Plan\u0000", ["document.titel"]),
        ["nul pagina's"] = (p => p["document"]!["aantalPaginas"] = 0, ["document.aantalPaginas"]),
        ["titel, versie en url tegelijk fout"] = (p =>
        {
            p["document"]!.AsObject().Remove("titel");
            p["document"]!["url"] = "javascript:alert(1)";
            p["versie"] = "";
        }, ["document.titel", "document.url", "versie"]),
    };

    public static TheoryData<string> OngeldigePlanGevallen => [.. OngeldigePlannen.Keys];

    [Theory]
    [MemberData(nameof(OngeldigePlanGevallen))]
    public async Task een_ongeldig_plan_geeft_400_met_de_velden_en_verandert_niets(string geval)
    {
        var (bederf, velden) = OngeldigePlannen[geval];
        var plan = Plan(Register.Odru);
        bederf(plan);
        var voor = await EventCountAsync();

        using var response = await RegistreerAsync("ienw", plan);

        await response.AssertOngeldigAsync(velden);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_plan_als_tekst_geeft_415()
    {
        using var client = await Ienw();
        using var content = new StringContent(Plan(Register.Odg).ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var voor = await EventCountAsync();

        using var response = await client.PostAsync(Plannen, content, Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Theory]
    [InlineData("beoordelaar")]
    [InlineData("ipo")]
    public async Task alleen_ienw_en_de_od_zelf_registreren_plannen(string clientId)
    {
        var voor = await EventCountAsync();
        using var response = await RegistreerAsync(clientId, Plan(Register.Odg));
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await EventCountAsync());
    }
}
