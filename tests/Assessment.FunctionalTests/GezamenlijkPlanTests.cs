using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// A joint plan of approach needs the consent of every OD it names (OWASP API1: an OD must not put a plan into another
/// OD's dossier). Filed by one of the ODs, it waits in every named dossier until each named OD has consented
/// (<c>POST /plannen-van-aanpak/{id}/instemming</c>, for itself, or IenW on its behalf); filed by IenW it is joint at once.
/// </summary>
public sealed class GezamenlijkPlanTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private const string Plannen = Base + "/plannen-van-aanpak";

    private static JsonObject Plan(params string[] omgevingsdiensten) => new()
    {
        ["omgevingsdiensten"] = new JsonArray([.. omgevingsdiensten.Select(c => (JsonNode)c)]),
        ["ontvangenOp"] = "2024-07-01",
        ["versie"] = "1",
        ["document"] = new JsonObject { ["titel"] = "Gezamenlijk plan van aanpak", ["url"] = null, ["bestandsnaam"] = null, ["aantalPaginas"] = null },
    };

    private async Task<HttpResponseMessage> PostAsync(string clientId, string url, JsonNode body)
    {
        using var client = await Als(clientId);
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(url, content, Ct);
    }

    /// <summary>Files the plan as <paramref name="clientId"/>, asserting 201; returns its id.</summary>
    private async Task<string> DienInAsync(string clientId, params string[] omgevingsdiensten)
    {
        using var response = await PostAsync(clientId, Plannen, Plan(omgevingsdiensten));
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> StemInAsync(string clientId, string planId, string omgevingsdienst) =>
        PostAsync(clientId, $"{Plannen}/{planId}/instemming", new JsonObject { ["omgevingsdienst"] = omgevingsdienst });

    /// <summary>The ids in <c>plannenVanAanpak</c> (the dossier's plans) of <paramref name="code"/> as <paramref name="clientId"/> sees them.</summary>
    private async Task<List<string>> PlanIdsAsync(string code, string clientId, string lijst = "plannenVanAanpak")
    {
        var json = await GetJsonAsync($"{Plannen}?omgevingsdienst={code}", clientId);
        return json.TryGetProperty(lijst, out var plannen) ? [.. plannen.EnumerateArray().Select(p => p.GetProperty("id").GetString()!)] : [];
    }

    private async Task<JsonElement> InAfwachtingAsync(string code, string clientId, string planId)
    {
        var json = await GetJsonAsync($"{Plannen}?omgevingsdienst={code}", clientId);
        return Assert.Single(json.GetProperty("plannenInAfwachting").EnumerateArray(), p => p.GetProperty("id").GetString() == planId);
    }

    private async Task<HttpResponseMessage> OpenBeoordelingAsync(string code, string planId)
    {
        using var client = await Beoordelaar();
        return await client.PostAsJsonAsync($"{Base}/beoordelingen", new { omgevingsdienst = code, ronde = NieuweRonde(), planVanAanpak = planId }, Ct);
    }

    private static List<string?> Codes(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(c => c.GetString())];

    /// <summary>The defect at its smallest: FUMO files a plan naming ODG, and ODG's list of plans shows it.</summary>
    [Fact]
    public async Task odg_ziet_een_plan_dat_fumo_voor_beiden_indiende_niet_onder_zijn_plannen()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odg);

        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Odg, "od-ODG"));
    }

    /// <summary>The defect in full: FUMO named ODG in a plan and ODG's dossier listed it, a plan ODG never filed.</summary>
    [Fact]
    public async Task een_od_zet_een_gezamenlijk_plan_niet_zonder_instemming_in_het_dossier_van_een_andere_od()
    {
        var voor = await EventCountAsync();

        using var response = await PostAsync("od-FUMO", Plannen, Plan(Register.Fumo, Register.Odg));

        var plan = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = plan.GetProperty("id").GetString()!;
        Assert.Equal("wachtOpInstemming", plan.GetProperty("status").GetString());
        Assert.Equal([Register.Odg], Codes(plan, "wachtOpInstemmingVan"));
        Assert.Equal(Register.Fumo, plan.GetProperty("ingediendDoor").GetString());
        // One event on each named stream: the filer's pending plan, ODG's request for consent.
        Assert.Equal(voor + 2, await EventCountAsync());

        // Not part of anyone's dossier yet: neither ODG nor FUMO lists it among its plans.
        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Odg, "od-ODG"));
        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Odg, "ienw"));
        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Fumo, "od-FUMO"));

        // ODG sees it only as a request it can consent to; IenW and the assessor see it pending; partners do not.
        var verzoek = await InAfwachtingAsync(Register.Odg, "od-ODG", id);
        Assert.Equal([Register.Odg], Codes(verzoek, "wachtOpInstemmingVan"));
        Assert.Equal($"{Plannen}/{id}/instemming", verzoek.GetProperty("_links").GetProperty("instemming").GetProperty("href").GetString());
        await InAfwachtingAsync(Register.Fumo, "od-FUMO", id);
        await InAfwachtingAsync(Register.Odg, "ienw", id);
        await InAfwachtingAsync(Register.Odg, "beoordelaar", id);
        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Odg, "ipo", "plannenInAfwachting"));

        // It cannot be used to open an assessment, neither for ODG nor for the filer.
        var nuOpgeslagen = await EventCountAsync();
        using (var odg = await OpenBeoordelingAsync(Register.Odg, id))
        {
            var problem = await odg.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("instemming", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var fumo = await OpenBeoordelingAsync(Register.Fumo, id))
        {
            await fumo.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.Equal(nuOpgeslagen, await EventCountAsync());
    }

    [Fact]
    public async Task het_plan_wordt_gezamenlijk_zodra_elke_genoemde_od_heeft_ingestemd()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odru, Register.Rudu);
        var voor = await EventCountAsync();

        using (var odru = await StemInAsync("od-ODRU", id, Register.Odru))
        {
            var plan = await odru.AssertJsonAsync();
            Assert.Equal("wachtOpInstemming", plan.GetProperty("status").GetString());
            Assert.Equal([Register.Rudu], Codes(plan, "wachtOpInstemmingVan"));
        }

        // The consent is recorded on each named stream; the plan is still nobody's.
        Assert.Equal(voor + 3, await EventCountAsync());
        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Odru, "od-ODRU"));
        Assert.Equal([Register.Rudu], Codes(await InAfwachtingAsync(Register.Fumo, "od-FUMO", id), "wachtOpInstemmingVan"));
        using (var teVroeg = await OpenBeoordelingAsync(Register.Odru, id))
        {
            await teVroeg.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        using (var rudu = await StemInAsync("od-RUDU", id, Register.Rudu))
        {
            var plan = await rudu.AssertJsonAsync();
            Assert.Equal("geregistreerd", plan.GetProperty("status").GetString());
            Assert.Empty(Codes(plan, "wachtOpInstemmingVan"));
        }

        // The last consent and the plan becoming joint, on each of the three streams.
        Assert.Equal(voor + 3 + 6, await EventCountAsync());
        foreach (var code in new[] { Register.Fumo, Register.Odru, Register.Rudu })
        {
            Assert.Contains(id, await PlanIdsAsync(code, $"od-{code}"));
            Assert.DoesNotContain(id, await PlanIdsAsync(code, $"od-{code}", "plannenInAfwachting"));
        }

        using var beoordeling = await OpenBeoordelingAsync(Register.Rudu, id);
        await beoordeling.AssertJsonAsync(HttpStatusCode.Created);
        var historie = await GetJsonAsync($"{Base}/omgevingsdiensten/{Register.Rudu}/historie");
        Assert.Contains(historie.GetProperty("gebeurtenissen").EnumerateArray(), e => e.GetProperty("door").GetString() == "od-RUDU");
    }

    [Fact]
    public async Task ienw_stemt_in_namens_een_od()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odg);

        using var response = await StemInAsync("ienw", id, Register.Odg);

        Assert.Equal("geregistreerd", (await response.AssertJsonAsync()).GetProperty("status").GetString());
        Assert.Contains(id, await PlanIdsAsync(Register.Odg, "od-ODG"));
        Assert.Contains(id, await PlanIdsAsync(Register.Fumo, "od-FUMO"));
    }

    [Fact]
    public async Task ienw_registreert_een_gezamenlijk_plan_met_instemming_van_allen()
    {
        var id = await DienInAsync("ienw", Register.Fumo, Register.Odg);

        Assert.Contains(id, await PlanIdsAsync(Register.Odg, "od-ODG"));
        Assert.Contains(id, await PlanIdsAsync(Register.Fumo, "od-FUMO"));
        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Odg, "od-ODG", "plannenInAfwachting"));
        using var response = await OpenBeoordelingAsync(Register.Odg, id);
        await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task een_od_stemt_niet_in_namens_een_andere_od()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odg);
        var voor = await EventCountAsync();

        using (var response = await StemInAsync("od-FUMO", id, Register.Odg))
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var buitenstaander = await StemInAsync("od-RUDU", id, Register.Odg))
        {
            await buitenstaander.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(voor, await EventCountAsync());
        Assert.DoesNotContain(id, await PlanIdsAsync(Register.Odg, "od-ODG"));
    }

    [Fact]
    public async Task instemmen_met_een_plan_dat_u_niet_noemt_of_dat_niet_bestaat_geeft_404()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odg);
        var voor = await EventCountAsync();

        using (var rudu = await StemInAsync("od-RUDU", id, Register.Rudu))
        {
            await rudu.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var onbekend = await StemInAsync("od-ODG", Guid.NewGuid().ToString(), Register.Odg))
        {
            await onbekend.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task twee_keer_instemmen_verandert_niets()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odru, Register.Rudu);
        using (var eerste = await StemInAsync("od-ODRU", id, Register.Odru))
        {
            await eerste.AssertJsonAsync();
        }

        var voor = await EventCountAsync();

        using (var tweede = await StemInAsync("od-ODRU", id, Register.Odru))
        {
            Assert.Equal([Register.Rudu], Codes(await tweede.AssertJsonAsync(), "wachtOpInstemmingVan"));
        }

        // The filer consented by filing.
        using (var indiener = await StemInAsync("od-FUMO", id, Register.Fumo))
        {
            Assert.Equal([Register.Rudu], Codes(await indiener.AssertJsonAsync(), "wachtOpInstemmingVan"));
        }

        Assert.Equal(voor, await EventCountAsync());

        // After the plan became joint, consenting again is still a quiet 200.
        using (var laatste = await StemInAsync("od-RUDU", id, Register.Rudu))
        {
            await laatste.AssertJsonAsync();
        }

        var daarna = await EventCountAsync();
        using (var nogmaals = await StemInAsync("od-RUDU", id, Register.Rudu))
        {
            Assert.Equal("geregistreerd", (await nogmaals.AssertJsonAsync()).GetProperty("status").GetString());
        }

        Assert.Equal(daarna, await EventCountAsync());
    }

    [Theory]
    [InlineData("beoordelaar")]
    [InlineData("ipo")]
    public async Task alleen_ienw_en_de_od_zelf_stemmen_in(string clientId)
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odg);
        var voor = await EventCountAsync();

        using var response = await StemInAsync(clientId, id, Register.Odg);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_instemming_zonder_geldige_od_geeft_400()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo, Register.Odg);
        var voor = await EventCountAsync();

        using (var zonder = await PostAsync("ienw", $"{Plannen}/{id}/instemming", new JsonObject()))
        {
            await zonder.AssertOngeldigAsync("omgevingsdienst");
        }

        using (var ongeldig = await StemInAsync("ienw", id, "OD-G"))
        {
            await ongeldig.AssertOngeldigAsync("omgevingsdienst");
        }

        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_plan_van_een_od_alleen_is_meteen_van_haar()
    {
        var id = await DienInAsync("od-FUMO", Register.Fumo);

        Assert.Contains(id, await PlanIdsAsync(Register.Fumo, "od-FUMO"));
        var json = await GetJsonAsync($"{Plannen}?omgevingsdienst={Register.Fumo}", "od-FUMO");
        var plan = Assert.Single(json.GetProperty("plannenVanAanpak").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Equal("geregistreerd", plan.GetProperty("status").GetString());
    }
}
