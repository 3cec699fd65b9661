using System.Net;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.FunctionalTests;

public sealed class TermijnenTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    [Fact]
    public async Task per_ronde_wie_tijdig_te_laat_of_verzuimd_is_gefilterd_op_seveso_en_provincie()
    {
        var ronde = await RondeAsync(Vandaag.AddDays(-2));
        var seveso = "S" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var session = App.Store.LightweightSession())
        {
            session.Store(new OmgevingsdienstUitRegister { Id = seveso, Naam = seveso, Provincies = ["Groningen"], SevesoProvincies = ["Groningen"] });
            await session.SaveChangesAsync(Ct);
        }

        var laat = await BekendeOdAsync();
        await IndienenAsync(laat, await ConceptAsync(laat, ronde));

        using var ienw = await Ienw();
        var alle = await (await ienw.GetAsync($"{Base}/rapportagerondes/{ronde}/termijnen", Ct)).AssertJsonAsync();
        var regels = alle.GetProperty("omgevingsdiensten").EnumerateArray().ToDictionary(r => r.GetProperty("omgevingsdienst").GetString()!);
        Assert.Equal("teLaat", regels[laat].GetProperty("status").GetString());
        Assert.Equal(2, regels[laat].GetProperty("dagenTeLaat").GetInt32());
        Assert.Equal("termijnVerstreken", regels[seveso].GetProperty("status").GetString());

        var groningen = await (await ienw.GetAsync($"{Base}/rapportagerondes/{ronde}/termijnen?seveso=true&provincie=Groningen", Ct)).AssertJsonAsync();
        Assert.Equal([seveso], groningen.GetProperty("omgevingsdiensten").EnumerateArray().Select(r => r.GetProperty("omgevingsdienst").GetString()));
        Assert.Equal(1, groningen.GetProperty("aantallen").GetProperty("termijnVerstreken").GetInt32());

        using var od = await Od(laat);
        var eigen = await (await od.GetAsync($"{Base}/rapportagerondes/{ronde}/termijnen", Ct)).AssertJsonAsync();
        Assert.Equal([laat], eigen.GetProperty("omgevingsdiensten").EnumerateArray().Select(r => r.GetProperty("omgevingsdienst").GetString()));

        await (await ienw.GetAsync($"{Base}/rapportagerondes/bestaatniet/termijnen", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ienw.GetAsync($"{Base}/rapportagerondes/{ronde}/termijnen?seveso=misschien", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        using var anoniem = await Anoniem();
        await (await anoniem.GetAsync($"{Base}/rapportagerondes/{ronde}/termijnen", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
