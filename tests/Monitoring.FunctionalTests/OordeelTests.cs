using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

public sealed class OordeelTests(MonitoringFixture fixture) : BijsturingTest(fixture)
{
    [Fact]
    public async Task onvoldoende_na_de_eerste_ronde_opent_het_bestuurlijk_gesprek_precies_eenmaal()
    {
        var code = await BekendeOdAsync();
        var id = await IngediendAsync(code);

        var oordeel = await (await BeoordeelAsync(id, Oordeel("onvoldoende"))).AssertJsonAsync();
        Assert.Equal("vastgesteld", oordeel.GetProperty("status").GetString());
        Assert.Equal("Onzeker", oordeel.GetProperty("vastgesteld").GetProperty("uitkomstNaam").GetString());
        Assert.Equal($"{code}-voortgang1-bestuurlijkGesprek", Assert.Single(oordeel.GetProperty("escalaties").EnumerateArray()).GetString());

        var escalatie = Assert.Single((await EscalatiesAsync(code)).EnumerateArray());
        Assert.Equal("bestuurlijkGesprek", escalatie.GetProperty("stap").GetString());
        Assert.Equal("open", escalatie.GetProperty("status").GetString());
        Assert.Equal("eersteRondeOnvoldoende", escalatie.GetProperty("regel").GetString());

        // A second judgement of the same round changes the judgement, not the steps.
        await (await BeoordeelAsync(id, Oordeel("onvoldoende", "nietTijdigHaalbaar"))).AssertJsonAsync();
        Assert.Single((await EscalatiesAsync(code)).EnumerateArray());

        // The OD reads its own steps and its judgement.
        Assert.Single((await EscalatiesAsync(code, $"od-{code}")).EnumerateArray());
        using var od = await Od(code);
        var eigen = await (await od.GetAsync($"{Base}/voortgangsrapportages/{id}/oordeel", Ct)).AssertJsonAsync();
        Assert.Equal("nietTijdigHaalbaar", eigen.GetProperty("vastgesteld").GetProperty("uitkomst").GetString());
    }

    [Fact]
    public async Task voldoende_voortgang_opent_niets()
    {
        var code = await BekendeOdAsync();
        var id = await IngediendAsync(code);
        var oordeel = await (await BeoordeelAsync(id, Oordeel("voldoende", "naarVerwachtingTijdigRobuust"))).AssertJsonAsync();
        Assert.Empty(oordeel.GetProperty("escalaties").EnumerateArray());
        Assert.Empty((await EscalatiesAsync(code)).EnumerateArray());
    }

    [Fact]
    public async Task de_beoordelaar_legt_een_concept_vast_dat_alleen_ienw_en_de_beoordelaar_zien_ienw_stelt_het_vast()
    {
        var code = await BekendeOdAsync();
        var id = await IngediendAsync(code);

        var concept = await (await BeoordeelAsync(id, Oordeel("onvoldoende"), "beoordelaar")).AssertJsonAsync();
        Assert.Equal("concept", concept.GetProperty("status").GetString());
        Assert.Equal("beoordelaar", concept.GetProperty("concept").GetProperty("door").GetString());
        Assert.Empty((await EscalatiesAsync(code)).EnumerateArray());

        using var od = await Od(code);
        await (await od.GetAsync($"{Base}/voortgangsrapportages/{id}/oordeel", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var ienw = await Ienw();
        var gelezen = await (await ienw.GetAsync($"{Base}/voortgangsrapportages/{id}/oordeel", Ct)).AssertJsonAsync();
        Assert.Equal("onvoldoende", gelezen.GetProperty("concept").GetProperty("voortgang").GetString());

        await (await BeoordeelAsync(id, Oordeel("onvoldoende"))).AssertJsonAsync();
        Assert.Single((await EscalatiesAsync(code)).EnumerateArray());
        var perOd = await (await ienw.GetAsync($"{Base}/omgevingsdiensten/{code}/oordelen", Ct)).AssertJsonAsync();
        var item = Assert.Single(perOd.GetProperty("items").EnumerateArray());
        Assert.Equal("vastgesteld", item.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("concept").ValueKind);
    }

    [Fact]
    public async Task een_concept_rapportage_is_409_een_onbekende_404_en_er_komt_niets_bij()
    {
        var code = await BekendeOdAsync();
        var concept = await ConceptAsync(code);
        var voor = await App.EventCountAsync(Ct);

        await (await BeoordeelAsync(concept, Oordeel("onvoldoende"))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await BeoordeelAsync($"{code}-voortgang2", Oordeel("onvoldoende"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await BeoordeelAsync("geen-id-zo", Oordeel("onvoldoende"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task slechte_invoer_is_400_met_elk_veld_en_voegt_niets_toe()
    {
        var code = await BekendeOdAsync();
        var id = await IngediendAsync(code);
        var voor = await App.EventCountAsync(Ct);

        await (await BeoordeelAsync(id, new { })).AssertOngeldigAsync("voortgang", "uitkomst", "toelichting");
        await (await BeoordeelAsync(id, Oordeel("onvoldoende", "bestaatNiet"))).AssertOngeldigAsync("uitkomst");
        await (await BeoordeelAsync(id, Oordeel("matig"))).AssertOngeldigAsync("voortgang");
        await (await BeoordeelAsync(id, Oordeel("onvoldoende", robuust: "ja"))).AssertOngeldigAsync("robuustOp1April2026");
        await (await BeoordeelAsync(id, new { voortgang = "onvoldoende", uitkomst = "onzeker", toelichting = "x", status = "vastgesteld" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_od_en_andere_rollen_beoordelen_niet_en_een_andere_od_leest_niets()
    {
        var code = await BekendeOdAsync();
        var ander = await BekendeOdAsync();
        var id = await IngediendAsync(code);
        var voor = await App.EventCountAsync(Ct);
        foreach (var rol in new[] { $"od-{code}", "odnl", "ipo", "vng" })
        {
            await (await BeoordeelAsync(id, Oordeel("onvoldoende"), rol)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await (await BeoordeelAsync(id, Oordeel("onvoldoende"))).AssertJsonAsync();

        using var andereOd = await Od(ander);
        await (await andereOd.GetAsync($"{Base}/voortgangsrapportages/{id}/oordeel", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await andereOd.GetAsync($"{Base}/omgevingsdiensten/{code}/oordelen", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await andereOd.GetAsync($"{Base}/escalaties?omgevingsdienst={code}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await andereOd.GetAsync($"{Base}/escalaties/{code}-voortgang1-bestuurlijkGesprek", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await andereOd.GetAsync($"{Base}/escalaties", Ct)).AssertJsonAsync()).GetProperty("items").EnumerateArray());
        using var odnl = await Rol("odnl");
        await (await odnl.GetAsync($"{Base}/escalaties", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // A judgement IenW set is readable like a submitted report.
        await (await odnl.GetAsync($"{Base}/voortgangsrapportages/{id}/oordeel", Ct)).AssertJsonAsync();
        using var anoniem = await Anoniem();
        await (await anoniem.GetAsync($"{Base}/escalaties", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task de_eindrapportage_legt_het_eindresultaat_vast_en_niet_robuust_opent_een_besluit_over_maatregelen()
    {
        var code = await BekendeOdAsync();
        var id = await IngediendAsync(code, "eindrapportage");
        await (await BeoordeelAsync(id, Oordeel("onvoldoende"))).AssertOngeldigAsync("robuustOp1April2026");

        await (await BeoordeelAsync(id, Oordeel("onvoldoende", "nietTijdigHaalbaar", "nietZelfstandig"))).AssertJsonAsync();
        var escalatie = Assert.Single((await EscalatiesAsync(code)).EnumerateArray());
        Assert.Equal("besluitMaatregelen", escalatie.GetProperty("stap").GetString());

        using var odnl = await Rol("odnl");
        var eind = await (await odnl.GetAsync($"{Base}/eindresultaten", Ct)).AssertJsonAsync();
        var regel = Assert.Single(eind.GetProperty("items").EnumerateArray(), e => e.GetProperty("omgevingsdienst").GetString() == code);
        Assert.Equal("nietZelfstandig", regel.GetProperty("robuustOp1April2026").GetString());
    }

    [Fact]
    public async Task een_stap_wordt_gepland_en_afgerond_en_daarna_niet_meer_gepland()
    {
        var code = await BekendeOdAsync();
        await (await BeoordeelAsync(await IngediendAsync(code), Oordeel("onvoldoende"))).AssertJsonAsync();
        var stap = $"{Base}/escalaties/{code}-voortgang1-bestuurlijkGesprek";
        using var ienw = await Ienw();

        var gepland = await (await ienw.PostAsJsonAsync($"{stap}/planning", new { datum = "2025-05-12", toelichting = (string?)null }, Ct)).AssertJsonAsync();
        Assert.Equal(("gepland", "2025-05-12"), (gepland.GetProperty("status").GetString(), gepland.GetProperty("geplandOp").GetString()));

        var voor = await App.EventCountAsync(Ct);
        await (await ienw.PostAsJsonAsync($"{stap}/afronding", new { datum = (string?)null, uitkomst = "", vervolg = (string?)null }, Ct)).AssertOngeldigAsync("datum", "uitkomst");
        await (await ienw.PostAsJsonAsync($"{stap}/afronding", new { datum = "2025-05-12", uitkomst = "x" }, Ct)).AssertOngeldigAsync("vervolg");
        using var od = await Od(code);
        await (await od.PostAsJsonAsync($"{stap}/afronding", new { datum = "2025-05-12", uitkomst = "x", vervolg = (string?)null }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        var afgerond = await (await ienw.PostAsJsonAsync($"{stap}/afronding",
            new { datum = "2025-05-12", uitkomst = "Gesprek gevoerd met de eigenaren", vervolg = "Aangepast plan van aanpak per 1 juli" }, Ct)).AssertJsonAsync();
        Assert.Equal("afgerond", afgerond.GetProperty("status").GetString());
        Assert.Equal("Aangepast plan van aanpak per 1 juli", afgerond.GetProperty("vervolg").GetString());

        voor = await App.EventCountAsync(Ct);
        await (await ienw.PostAsJsonAsync($"{stap}/planning", new { datum = "2025-06-01", toelichting = (string?)null }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await ienw.PostAsJsonAsync($"{Base}/escalaties/{code}-voortgang2-bestuurlijkGesprek/planning", new { datum = "2025-06-01", toelichting = (string?)null }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        var open = await (await ienw.GetAsync($"{Base}/escalaties?status=open", Ct)).AssertJsonAsync();
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), e => e.GetProperty("omgevingsdienst").GetString() == code);
        await (await ienw.GetAsync($"{Base}/escalaties?status=dicht", Ct)).AssertOngeldigAsync("status");
    }
}
