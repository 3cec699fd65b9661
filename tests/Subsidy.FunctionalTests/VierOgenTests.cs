using System.Net;
using System.Text.Json;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>Above the scheme's threshold a decision needs a second, different person of the owner's role.</summary>
public sealed class VierOgenTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    [Fact]
    public async Task boven_de_drempel_bekrachtigt_een_tweede_behandelaar()
    {
        await (await WijzigRegelingAsync("odnl", Robuust, r => r["vierOgenVanaf"] = 100000.00m)).AssertJsonAsync();
        var od = await BekendeOdAsync();
        var onder = await IngediendAsync(od, Robuust, 100000.00m);
        var boven = await IngediendAsync(od, Robuust, 150000.00m);

        // At the threshold: one person decides.
        var direct = await (await PostAsync("odnl", $"/aanvragen/{onder}/besluit", new { uitkomst = "verleend", bedrag = 100000.00m, motivering = "Volledig." })).AssertJsonAsync();
        Assert.Equal("verleend", direct.GetProperty("status").GetString());

        var voor = Dec(await BudgetAsync(), "verplicht");
        var voorstel = await (await PostAsync("odnl", $"/aanvragen/{boven}/besluit", new { uitkomst = "verleend", bedrag = 150000.00m, motivering = "Volledig." })).AssertJsonAsync();
        Assert.Equal("besluitVoorgesteld", voorstel.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, voorstel.GetProperty("besluit").ValueKind);
        Assert.Equal(voor, Dec(await BudgetAsync(), "verplicht"));

        var zelfde = await (await PostAsync("odnl", $"/aanvragen/{boven}/besluit/bekrachtiging")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("tweede, andere behandelaar", zelfde.GetProperty("detail").GetString());
        await (await PostAsync("ienw", $"/aanvragen/{boven}/besluit/bekrachtiging")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, Dec(await BudgetAsync(), "verplicht"));

        var bekrachtigd = await (await PostAsync("odnl-2", $"/aanvragen/{boven}/besluit/bekrachtiging")).AssertJsonAsync();
        Assert.Equal("verleend", bekrachtigd.GetProperty("status").GetString());
        Assert.Equal("odnl", bekrachtigd.GetProperty("besluit").GetProperty("door").GetString());
        Assert.Equal("odnl-2", bekrachtigd.GetProperty("besluit").GetProperty("tweedeBeoordelaar").GetString());
        Assert.Equal(voor + 150000.00m, Dec(await BudgetAsync(), "verplicht"));
    }
}
