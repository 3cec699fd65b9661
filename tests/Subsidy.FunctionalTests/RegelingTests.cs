using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Subsidy.Seeds;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>The schemes as data: seeded, versioned by their owner, a version applying to requests submitted after it.</summary>
public sealed class RegelingTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    [Fact]
    public async Task de_regelingen_zijn_geseed_en_een_tweede_start_voegt_niets_toe()
    {
        var lijst = await GetAsync("vng", "/regelingen");
        var regelingen = lijst.GetProperty("regelingen").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal([Fusie, Robuust], regelingen.Keys.Order(StringComparer.Ordinal));

        var robuust = regelingen[Robuust];
        Assert.Equal("odnl", robuust.GetProperty("eigenaar").GetString());
        Assert.Equal(7000000.00m, Dec(robuust.GetProperty("budget"), "plafond"));
        Assert.Equal(JsonValueKind.Null, robuust.GetProperty("openTot").ValueKind);
        Assert.Equal(JsonValueKind.Null, robuust.GetProperty("maximumPerOd").ValueKind);
        var fusie = regelingen[Fusie];
        Assert.Equal("ienw", fusie.GetProperty("eigenaar").GetString());
        Assert.Equal(JsonValueKind.Null, fusie.GetProperty("budget").GetProperty("plafond").ValueKind);
        Assert.Equal(JsonValueKind.Null, fusie.GetProperty("budget").GetProperty("beschikbaar").ValueKind);
        Assert.True(fusie.GetProperty("fusieOfOpsplitsingVereist").GetBoolean());

        var voor = await App.EventCountAsync(Ct);
        await App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SubsidieSeeds>().Single()
            .LaadAsync(Path.Combine(SubsidyFixture.SeedsFolder(), "subsidie"), Ct);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_nieuwe_versie_geldt_voor_aanvragen_die_daarna_worden_ingediend()
    {
        var od = await BekendeOdAsync();
        var eerder = await IngediendAsync(od, Robuust, 40000.00m);

        // Only the owner, with the current ETag, and with valid money.
        await (await WijzigRegelingAsync("ienw", Robuust, r => r["maximumPerOd"] = 50000.00m)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await WijzigRegelingAsync("odnl", Robuust, r => r["maximumPerOd"] = 50000.00m, etag: "\"99\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await WijzigRegelingAsync("odnl", Robuust, r => r["plafond"] = 7000000.001m)).AssertOngeldigAsync("plafond");
        await (await WijzigRegelingAsync("odnl", Robuust, r => r["eigenaar"] = "ienw")).AssertProblemAsync(HttpStatusCode.Conflict);

        var v2 = await (await WijzigRegelingAsync("odnl", Robuust, r => r["maximumPerOd"] = 50000.00m)).AssertJsonAsync();
        Assert.Equal(2, v2.GetProperty("versie").GetInt32());
        Assert.Equal(2, v2.GetProperty("versies").GetArrayLength());
        Assert.Equal(1, (await GetAsync("odnl", $"/aanvragen/{eerder}")).GetProperty("regelingVersie").GetInt32());

        // The maximum counts what the OD was granted under the scheme.
        await (await PostAsync("odnl", $"/aanvragen/{eerder}/besluit", new { uitkomst = "verleend", bedrag = 40000.00m, motivering = "Volledig." })).AssertJsonAsync();
        var te_veel = await ConceptAsync($"od-{od}", Aanvraag(Robuust, od, [10000.01m]));
        var problem = await (await PostAsync($"od-{od}", $"/aanvragen/{te_veel}/indiening")).AssertProblemAsync(HttpStatusCode.Conflict);
        problem.AssertNoemt("aangevraagdBedrag");
        Assert.Contains("kan nog 10000.00 worden aangevraagd", problem.GetProperty("detail").GetString());
        var precies = await IngediendAsync(od, Robuust, 10000.00m);
        Assert.Equal(2, (await GetAsync($"od-{od}", $"/aanvragen/{precies}")).GetProperty("regelingVersie").GetInt32());

        // Closed since yesterday: a request submitted now is refused, with the window named.
        var gisteren = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd");
        await (await WijzigRegelingAsync("odnl", Robuust, r => { r["openTot"] = gisteren; r["maximumPerOd"] = null; })).AssertJsonAsync();
        var laat = await ConceptAsync($"od-{od}", Aanvraag(Robuust, od, [100.00m]));
        var gesloten = await (await PostAsync($"od-{od}", $"/aanvragen/{laat}/indiening")).AssertProblemAsync(HttpStatusCode.Conflict);
        gesloten.AssertNoemt("regeling");
        Assert.Contains($"tot en met {gisteren}", gesloten.GetProperty("detail").GetString());

        // An empty rule does not restrict: reopened (openTot null), the same draft can be submitted.
        await (await WijzigRegelingAsync("odnl", Robuust, r => r["openTot"] = null)).AssertJsonAsync();
        await (await PostAsync($"od-{od}", $"/aanvragen/{laat}/indiening")).AssertJsonAsync();
    }

    [Fact]
    public async Task het_budgetverloop_eindigt_bij_het_budget_en_groeit_met_een_verlening()
    {
        var voor = await GetAsync("vng", $"/regelingen/{Robuust}/budgetverloop");
        Assert.Equal("dag", voor.GetProperty("per").GetString());
        var od = await BekendeOdAsync();
        var id = await IngediendAsync(od, Robuust, 1234.56m);
        await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "verleend", bedrag = 1234.56m, motivering = "Volledig." })).AssertJsonAsync();

        var budget = await BudgetAsync();
        foreach (var per in new[] { "dag", "maand" })
        {
            var verloop = (await GetAsync("ipo", $"/regelingen/{Robuust}/budgetverloop?per={per}")).GetProperty("verloop");
            var laatste = verloop[verloop.GetArrayLength() - 1];
            foreach (var naam in new[] { "plafond", "verplicht", "betaald", "vastgesteld", "vrijgevallen", "teruggevorderd", "beschikbaar" })
            {
                Assert.Equal(Dec(budget, naam), Dec(laatste, naam));
            }

            // The periods are in time order and each appears once.
            var perioden = verloop.EnumerateArray().Select(s => s.GetProperty("periode").GetString()!).ToList();
            Assert.Equal(perioden.Order(StringComparer.Ordinal), perioden);
            Assert.Equal(perioden.Count, perioden.Distinct().Count());
        }

        var eerder = voor.GetProperty("verloop");
        var toen = eerder.GetArrayLength() == 0 ? 0m : Dec(eerder[eerder.GetArrayLength() - 1], "verplicht");
        Assert.Equal(toen + 1234.56m, Dec(budget, "verplicht"));

        using var client = await Client("ipo");
        (await (await client.GetAsync($"{Base}/regelingen/{Robuust}/budgetverloop?per=week", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest)).AssertNoemt("per");
        await (await client.GetAsync($"{Base}/regelingen/bestaat-niet/budgetverloop", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task bedragen_staan_in_de_json_met_twee_decimalen()
    {
        using var client = await Client("vng");
        var tekst = await client.GetStringAsync($"{Base}/regelingen/{Robuust}", Ct);
        Assert.Contains("\"plafond\":7000000.00", tekst);
        Assert.Contains("\"beschikbaar\":", tekst);
        Assert.DoesNotMatch("\"(verplicht|betaald|vastgesteld|vrijgevallen|teruggevorderd|beschikbaar)\":-?[0-9]+[,}]", tekst);
    }
}
