using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

public sealed class GesprekEnBesluitTests(MonitoringFixture fixture) : BijsturingTest(fixture)
{
    private static object Gesprek(string soort, string[] ods, string? escalatie = null, string? uitkomst = "Afspraken over de formatie") => new
    {
        soort, datum = "2025-05-12", omgevingsdiensten = ods, provincies = Array.Empty<string>(),
        deelnemers = new[] { "Minister van IenW", "Gedeputeerde" }, onderwerp = "Voortgang", uitkomst, escalatie,
    };

    [Fact]
    public async Task een_bestuurlijk_gesprek_bij_de_stap_en_een_besluit_voor_twee_ods_dat_de_stap_afrondt()
    {
        var a = await BekendeOdAsync();
        var b = await BekendeOdAsync();
        await (await BeoordeelAsync(await IngediendAsync(a), Oordeel("onvoldoende"))).AssertJsonAsync();
        var stap = $"{a}-voortgang1-bestuurlijkGesprek";
        using var ienw = await Ienw();

        using var vastgelegd = await ienw.PostAsJsonAsync($"{Base}/gesprekken", Gesprek("bestuurlijk", [a], stap), Ct);
        var gesprek = await vastgelegd.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(stap, gesprek.GetProperty("escalatie").GetString());
        var gelezen = await (await ienw.GetAsync(vastgelegd.Headers.Location, Ct)).AssertJsonAsync();
        Assert.Equal("bestuurlijk", gelezen.GetProperty("soort").GetString());

        using var besluitAntwoord = await ienw.PostAsJsonAsync($"{Base}/besluiten", new
        {
            inhoud = "Verdergaande maatregelen: aanwijzing tot samenwerking", datum = "2025-10-01", genomenDoor = "Minister van IenW",
            omgevingsdiensten = new[] { a, b }, escalaties = new[] { stap },
        }, Ct);
        var besluit = await besluitAntwoord.AssertJsonAsync(HttpStatusCode.Created);
        var besluitId = besluit.GetProperty("id").GetString();

        var escalatie = await (await ienw.GetAsync($"{Base}/escalaties/{stap}", Ct)).AssertJsonAsync();
        Assert.Equal(("afgerond", besluitId), (escalatie.GetProperty("status").GetString(), escalatie.GetProperty("besluit").GetString()));

        foreach (var code in new[] { a, b })
        {
            using var od = await Od(code);
            var besluiten = await (await od.GetAsync($"{Base}/besluiten", Ct)).AssertJsonAsync();
            Assert.Equal(besluitId, Assert.Single(besluiten.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        }

        using var odA = await Od(a);
        Assert.Single((await (await odA.GetAsync($"{Base}/gesprekken?omgevingsdienst={a}", Ct)).AssertJsonAsync()).GetProperty("items").EnumerateArray());
        using var odB = await Od(b);
        Assert.Empty((await (await odB.GetAsync($"{Base}/gesprekken", Ct)).AssertJsonAsync()).GetProperty("items").EnumerateArray());
        await (await odB.GetAsync($"{Base}/gesprekken?omgevingsdienst={a}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await odB.GetAsync(vastgelegd.Headers.Location, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        // The step is closed: a second decision cannot close it again, and appends nothing.
        var voor = await App.EventCountAsync(Ct);
        await (await ienw.PostAsJsonAsync($"{Base}/besluiten", new
        {
            inhoud = "Nogmaals", datum = "2025-11-01", genomenDoor = "Minister van IenW", omgevingsdiensten = new[] { a }, escalaties = new[] { stap },
        }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task slechte_invoer_en_vreemde_rollen_voegen_niets_toe()
    {
        var a = await BekendeOdAsync();
        using var ienw = await Ienw();
        var voor = await App.EventCountAsync(Ct);

        await (await ienw.PostAsJsonAsync($"{Base}/gesprekken", new { soort = "ambtelijk", datum = (string?)null, omgevingsdiensten = Array.Empty<string>(), deelnemers = (string[]?)null, uitkomst = (string?)null }, Ct))
            .AssertOngeldigAsync("datum", "omgevingsdiensten", "deelnemers");
        await (await ienw.PostAsJsonAsync($"{Base}/gesprekken", Gesprek("ambtelijk", ["ONBEKEND1"]), Ct)).AssertOngeldigAsync("omgevingsdiensten[0]");
        await (await ienw.PostAsJsonAsync($"{Base}/gesprekken", Gesprek("ambtelijk", [a], $"{a}-voortgang1-bestuurlijkGesprek"), Ct)).AssertOngeldigAsync("escalatie");
        await (await ienw.PostAsJsonAsync($"{Base}/gesprekken", Gesprek("koffie", [a]), Ct)).AssertOngeldigAsync("soort");
        await (await ienw.PostAsJsonAsync($"{Base}/besluiten", new { inhoud = "", datum = (string?)null, genomenDoor = "", omgevingsdiensten = Array.Empty<string>() }, Ct))
            .AssertOngeldigAsync("inhoud", "datum", "genomenDoor", "omgevingsdiensten");
        await (await ienw.PostAsJsonAsync($"{Base}/besluiten", new { inhoud = "x", datum = "2025-10-01", genomenDoor = "Minister", omgevingsdiensten = new[] { a }, escalaties = new[] { "geen" } }, Ct))
            .AssertOngeldigAsync("escalaties[0]");

        using var od = await Od(a);
        await (await od.PostAsJsonAsync($"{Base}/gesprekken", Gesprek("ambtelijk", [a]), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var beoordelaar = await Rol("beoordelaar");
        await (await beoordelaar.PostAsJsonAsync($"{Base}/besluiten", new { inhoud = "x", datum = "2025-10-01", genomenDoor = "Minister", omgevingsdiensten = new[] { a } }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        using var ipo = await Rol("ipo");
        await (await ipo.GetAsync($"{Base}/gesprekken", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ipo.GetAsync($"{Base}/besluiten", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
