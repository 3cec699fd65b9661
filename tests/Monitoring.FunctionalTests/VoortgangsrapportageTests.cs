using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

public sealed class VoortgangsrapportageTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    [Fact]
    public async Task de_od_vult_kerngetallen_in_en_ziet_de_automatische_beoordeling()
    {
        await CatalogusAsync();
        var code = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        Assert.Equal($"{code}-voortgang1", id);

        var r = await KerngetallenAsync(code, id, new { totaalFte = 100, fteVasteDienst = 79.9, totaalBudget = 1_000_000, innovatiebudget = 10_000, loonsom = 500_000, opleidingsbudget = 15_001, biCapaciteitFte = 3.5 });
        Assert.Equal("rood", Uitkomst(r, 7));
        Assert.Equal("rood", Uitkomst(r, 10));
        Assert.Equal("groen", Uitkomst(r, 17));
        Assert.Equal("groen", Uitkomst(r, 19));

        r = await KerngetallenAsync(code, id, new { totaalFte = 100, fteVasteDienst = 80, biCapaciteitFte = 3 });
        Assert.Equal("groen", Uitkomst(r, 7));
        Assert.Equal("nietTeBeoordelen", Uitkomst(r, 10));
        Assert.Equal("rood", Uitkomst(r, 19));
        var kerngetal = r.GetProperty("kerngetallen").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "innovatiebudget");
        Assert.Equal(JsonValueKind.Null, kerngetal.GetProperty("waarde").ValueKind);

        using var client = await Od(code);
        using var criterium = await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/criteria/7",
            new { maatregelen = "Flexibele schil omzetten", planning = new[] { new { kwartaal = "2025-Q3", activiteit = "Werving" } }, risicos = (string?)null, haalbaarheid = 2 }, Ct);
        var body = await criterium.AssertJsonAsync();
        Assert.Equal(2, body.GetProperty("criteria")[0].GetProperty("haalbaarheid").GetInt32());
        Assert.Equal("concept", body.GetProperty("status").GetString());
        Assert.Equal("geenTermijn", body.GetProperty("tijdigheid").GetProperty("status").GetString());
    }

    [Fact]
    public async Task slechte_invoer_is_400_en_voegt_niets_toe()
    {
        var code = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        using var client = await Od(code);
        var voor = await App.EventCountAsync(Ct);

        await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = code, ronde = "bestaatniet" }, Ct)).AssertOngeldigAsync("ronde");
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/criteria/7", new { maatregelen = "x", planning = (object?)null, risicos = (string?)null, haalbaarheid = 4 }, Ct))
            .AssertOngeldigAsync("haalbaarheid");
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", new { waarden = new { totaalFte = -1 } }, Ct))
            .AssertOngeldigAsync("waarden.totaalFte");
        using var verkeerdType = new StringContent("""{"waarden":{"totaalFte":"honderd"}}""", System.Text.Encoding.UTF8, "application/json");
        await (await client.PutAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", verkeerdType, Ct)).AssertOngeldigAsync("waarden.totaalFte");
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", new { waarden = new { aantalKatten = 3 } }, Ct))
            .AssertOngeldigAsync("waarden.aantalKatten");
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/criteria/2", new { maatregelen = "x", planning = (object?)null, risicos = (string?)null, haalbaarheid = 1 }, Ct))
            .AssertOngeldigAsync("nummer");

        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_andere_od_krijgt_403_op_schrijven_en_404_op_het_concept()
    {
        var code = await BekendeOdAsync();
        var ander = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        using var client = await Od(ander);
        var voor = await App.EventCountAsync(Ct);

        await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = code, ronde = "voortgang2" }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", new { waarden = new { totaalFte = 1 } }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting = (string?)null }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        using var eigen = await Od(code);
        await (await eigen.GetAsync($"{Base}/voortgangsrapportages/{id}", Ct)).AssertJsonAsync();
        using var ienw = await Ienw();
        await (await ienw.GetAsync($"{Base}/voortgangsrapportages/{id}", Ct)).AssertJsonAsync();
        using var ipo = await App.ClientAsync("ipo", Ct);
        await (await ipo.GetAsync($"{Base}/voortgangsrapportages/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ienw_opent_een_concept_namens_de_od()
    {
        var code = await BekendeOdAsync();
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = code, ronde = "voortgang2" }, Ct);
        await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Base}/voortgangsrapportages/{code}-voortgang2", response.Headers.Location!.OriginalString);
        using var dubbel = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = code, ronde = "voortgang2" }, Ct);
        await dubbel.AssertProblemAsync(HttpStatusCode.Conflict);
        using var onbekend = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = "ONBEKEND", ronde = "voortgang2" }, Ct);
        await onbekend.AssertOngeldigAsync("omgevingsdienst");
    }

    [Fact]
    public async Task indienen_bevriest_de_rapportage_en_telt_de_dagen_te_laat()
    {
        var code = await BekendeOdAsync();
        var ronde = await RondeAsync(Vandaag.AddDays(-5));
        var id = await ConceptAsync(code, ronde);
        using var client = await Od(code);
        var ingediend = await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting = "Zie bijlage" }, Ct)).AssertJsonAsync();
        Assert.Equal("ingediend", ingediend.GetProperty("status").GetString());
        Assert.Equal("teLaat", ingediend.GetProperty("tijdigheid").GetProperty("status").GetString());
        Assert.Equal(5, ingediend.GetProperty("tijdigheid").GetProperty("dagenTeLaat").GetInt32());

        var voor = await App.EventCountAsync(Ct);
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", new { waarden = new { totaalFte = 1 } }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/criteria/7", new { maatregelen = "x", planning = (object?)null, risicos = (string?)null, haalbaarheid = 1 }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting = (string?)null }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        // Submitted, a report is visible to other roles; another OD still does not see it.
        using var ipo = await App.ClientAsync("ipo", Ct);
        await (await ipo.GetAsync($"{Base}/voortgangsrapportages/{id}", Ct)).AssertJsonAsync();
    }

    [Fact]
    public async Task op_tijd_ingediend_is_tijdig()
    {
        var code = await BekendeOdAsync();
        var ronde = await RondeAsync(Vandaag.AddDays(10));
        var id = await ConceptAsync(code, ronde);
        using var client = await Od(code);
        var ingediend = await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting = (string?)null }, Ct)).AssertJsonAsync();
        Assert.Equal("tijdig", ingediend.GetProperty("tijdigheid").GetProperty("status").GetString());
    }
}
