using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>The rules and the outcome categories as versioned data (their own class: they change the seeded rules).</summary>
public sealed class EscalatieregelsTests(MonitoringFixture fixture) : BijsturingTest(fixture)
{
    private static object Regels(params object[] regels) => new { regels };

    private static object Regel(string code, string ronde, string stap, string[]? uitkomsten = null) =>
        new { code, ronde, uitkomsten = uitkomsten ?? [], eindresultaten = Array.Empty<string>(), stap, omschrijving = "Regel " + code };

    [Fact]
    public async Task de_regels_uit_de_brief_zijn_geseed_en_een_nieuwe_versie_geldt_voor_oordelen_daarna()
    {
        using var ienw = await Ienw();
        using var lezen = await ienw.GetAsync($"{Base}/escalatieregels", Ct);
        var regels = await lezen.AssertJsonAsync();
        Assert.Equal(1, regels.GetProperty("versie").GetInt32());
        Assert.Equal(["eersteRondeOnvoldoende", "tweedeRondeOnvoldoende", "eindrapportageNietRobuust"],
            regels.GetProperty("regels").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray());
        var etag = lezen.Headers.ETag!.Tag;

        // Judged under version 1: voortgang3 has no rule.
        var eerder = await BekendeOdAsync();
        await (await BeoordeelAsync(await IngediendAsync(eerder, "voortgang3"), Oordeel("onvoldoende"))).AssertJsonAsync();

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"{Base}/escalatieregels")
        {
            Content = JsonContent.Create(Regels(Regel("derdeRondeNietHaalbaar", "voortgang3", "besluitVerdergaandeMaatregelen", ["nietTijdigHaalbaar"]))),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        var voor = await App.EventCountAsync(Ct);
        await (await ienw.SendAsync(stale, Ct)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Base}/escalatieregels")
        {
            Content = JsonContent.Create(Regels(Regel("derdeRondeNietHaalbaar", "voortgang3", "besluitVerdergaandeMaatregelen", ["nietTijdigHaalbaar"]))),
        };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        var nieuw = await (await ienw.SendAsync(put, Ct)).AssertJsonAsync();
        Assert.Equal(2, nieuw.GetProperty("versie").GetInt32());
        var versie1 = await (await ienw.GetAsync($"{Base}/escalatieregels/versies/1", Ct)).AssertJsonAsync();
        Assert.Equal(3, versie1.GetProperty("regels").GetArrayLength());
        await (await ienw.GetAsync($"{Base}/escalatieregels/versies/9", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        // The earlier judgement is not re-evaluated; a later one matches only with the named outcome.
        Assert.Empty((await EscalatiesAsync(eerder)).EnumerateArray());
        var onzeker = await BekendeOdAsync();
        await (await BeoordeelAsync(await IngediendAsync(onzeker, "voortgang3"), Oordeel("onvoldoende", "onzeker"))).AssertJsonAsync();
        Assert.Empty((await EscalatiesAsync(onzeker)).EnumerateArray());
        var nietHaalbaar = await BekendeOdAsync();
        var oordeel = await (await BeoordeelAsync(await IngediendAsync(nietHaalbaar, "voortgang3"), Oordeel("onvoldoende", "nietTijdigHaalbaar"))).AssertJsonAsync();
        Assert.Equal(2, oordeel.GetProperty("regelsVersie").GetInt32());
        var escalatie = Assert.Single((await EscalatiesAsync(nietHaalbaar)).EnumerateArray());
        Assert.Equal(("besluitVerdergaandeMaatregelen", 2), (escalatie.GetProperty("stap").GetString(), escalatie.GetProperty("regelsVersie").GetInt32()));

        // Version 1 no longer applies: voortgang1 has no rule now.
        var eerste = await BekendeOdAsync();
        await (await BeoordeelAsync(await IngediendAsync(eerste), Oordeel("onvoldoende"))).AssertJsonAsync();
        Assert.Empty((await EscalatiesAsync(eerste)).EnumerateArray());
    }

    [Fact]
    public async Task slechte_regels_zijn_400_met_het_veld_en_voegen_niets_toe()
    {
        using var ienw = await Ienw();
        var voor = await App.EventCountAsync(Ct);
        await (await ienw.PutAsJsonAsync($"{Base}/escalatieregels", new { regels = new[] { new { code = "X y", ronde = "", stap = (string?)null, omschrijving = "" } } }, Ct))
            .AssertOngeldigAsync("regels[0].code", "regels[0].ronde", "regels[0].stap", "regels[0].omschrijving");
        await (await ienw.PutAsJsonAsync($"{Base}/escalatieregels", Regels(Regel("a1", "voortgang9", "bestuurlijkGesprek")), Ct)).AssertOngeldigAsync("regels[0].ronde");
        await (await ienw.PutAsJsonAsync($"{Base}/escalatieregels", Regels(Regel("a1", "voortgang1", "bestuurlijkGesprek", ["bestaatNiet"])), Ct))
            .AssertOngeldigAsync("regels[0].uitkomsten");
        await (await ienw.PutAsJsonAsync($"{Base}/escalatieregels", Regels(Regel("a1", "voortgang1", "telefoontje")), Ct)).AssertOngeldigAsync("regels[0].stap");
        using var beoordelaar = await Rol("beoordelaar");
        await (await beoordelaar.PutAsJsonAsync($"{Base}/escalatieregels", Regels(Regel("a1", "voortgang1", "bestuurlijkGesprek")), Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task de_vier_uitkomstcategorieen_zijn_geseed_en_krijgen_versies()
    {
        using var ienw = await Ienw();
        using var lezen = await ienw.GetAsync($"{Base}/uitkomstcategorieen", Ct);
        var categorieen = await lezen.AssertJsonAsync();
        Assert.Equal(["voldoetAanCriteria", "naarVerwachtingTijdigRobuust", "onzeker", "nietTijdigHaalbaar"],
            categorieen.GetProperty("categorieen").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToArray());

        var voor = await App.EventCountAsync(Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"{Base}/uitkomstcategorieen")
        {
            Content = JsonContent.Create(new { categorieen = new[] { new { code = "onzeker", naam = "Onzeker", omschrijving = (string?)null } } }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        await (await ienw.SendAsync(stale, Ct)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await ienw.PutAsJsonAsync($"{Base}/uitkomstcategorieen", new { categorieen = new[] { new { code = "", naam = "" } } }, Ct))
            .AssertOngeldigAsync("categorieen[0].code", "categorieen[0].naam");
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Base}/uitkomstcategorieen")
        {
            Content = JsonContent.Create(new
            {
                categorieen = categorieen.GetProperty("categorieen").EnumerateArray()
                    .Select(c => new { code = c.GetProperty("code").GetString()!, naam = c.GetProperty("naam").GetString()!, omschrijving = (string?)null })
                    .Append(new { code = "nietZelfstandig", naam = "Niet zelfstandig robuust", omschrijving = (string?)null }).ToArray(),
            }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", lezen.Headers.ETag!.Tag);
        Assert.Equal(2, (await (await ienw.SendAsync(put, Ct)).AssertJsonAsync()).GetProperty("versie").GetInt32());
    }
}
