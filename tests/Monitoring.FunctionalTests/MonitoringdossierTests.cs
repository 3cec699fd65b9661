using System.Net;
using System.Text.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>The OD's monitoring dossier at /omgevingsdiensten/{code}: one read of everything, and who sees which part.</summary>
public sealed class MonitoringdossierTests(MonitoringFixture fixture) : BijsturingTest(fixture)
{
    private async Task<JsonElement> DossierAsync(string code, string client)
    {
        using var http = await Rol(client);
        return await (await http.GetAsync($"{Base}/omgevingsdiensten/{code}", Ct)).AssertJsonAsync();
    }

    [Fact]
    public async Task het_dossier_toont_rondes_oordeel_open_escalatie_en_een_tijdlijn_in_volgorde()
    {
        var code = await BekendeOdAsync();
        var id = await IngediendAsync(code);
        await (await BeoordeelAsync(id, Oordeel("onvoldoende"))).AssertJsonAsync();

        var dossier = await DossierAsync(code, $"od-{code}");

        Assert.Equal(code, dossier.GetProperty("omgevingsdienst").GetProperty("code").GetString());
        var rondes = dossier.GetProperty("rondes").EnumerateArray().ToDictionary(r => r.GetProperty("ronde").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal("beoordeeld", rondes["voortgang1"]);
        Assert.Equal("nietVerschuldigd", rondes["voortgang2"]);
        var oordeel = Assert.Single(dossier.GetProperty("oordelen").EnumerateArray());
        Assert.Equal(("onvoldoende", "onzeker"), (oordeel.GetProperty("voortgang").GetString(), oordeel.GetProperty("uitkomst").GetString()));
        var stap = Assert.Single(dossier.GetProperty("openEscalaties").EnumerateArray());
        Assert.Equal("bestuurlijkGesprek", stap.GetProperty("stap").GetString());
        var tijdlijn = dossier.GetProperty("tijdlijn").EnumerateArray().Select(g => g.GetProperty("soort").GetString()).ToList();
        Assert.Equal(["rapportageIngediend", "oordeel", "escalatieGeopend"], tijdlijn);
        Assert.Equal(JsonValueKind.Null, dossier.GetProperty("basislijn").ValueKind);
    }

    [Fact]
    public async Task ipo_ziet_geen_escalaties_een_andere_od_niets_en_een_onbekende_code_is_404()
    {
        var code = await BekendeOdAsync();
        var ander = await BekendeOdAsync();
        var id = await IngediendAsync(code);
        await (await BeoordeelAsync(id, Oordeel("onvoldoende"))).AssertJsonAsync();

        var ipo = await DossierAsync(code, "ipo");
        Assert.Single(ipo.GetProperty("oordelen").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, ipo.GetProperty("openEscalaties").ValueKind);
        Assert.Equal(JsonValueKind.Null, ipo.GetProperty("gesprekken").ValueKind);
        Assert.DoesNotContain(ipo.GetProperty("tijdlijn").EnumerateArray(), g => g.GetProperty("soort").GetString() == "escalatieGeopend");

        using var andereOd = await Rol($"od-{ander}");
        await (await andereOd.GetAsync($"{Base}/omgevingsdiensten/{code}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var ienw = await Rol("ienw");
        await (await ienw.GetAsync($"{Base}/omgevingsdiensten/ONBEKEND", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        // A path that cannot be an OD code (too long, a hyphen, a space, a leading digit; a NUL Kestrel refuses itself) is a client's mistake, never a lookup.
        foreach (var geen in new[] { new string('A', 300), "OD-G", "OD%20G", "1ODG" })
        {
            (await (await ienw.GetAsync($"{Base}/omgevingsdiensten/{geen}", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest)).AssertNoemt("code");
        }
    }
}
