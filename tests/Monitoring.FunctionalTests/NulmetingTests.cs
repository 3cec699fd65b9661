using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.Contracts.Beoordeling;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>The baseline follows the assessment's events (published, score changed, revised); the trend per criterion.</summary>
public sealed class NulmetingTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    private static JsonElement Trend(JsonElement rapportage, int nummer) =>
        rapportage.GetProperty("trend").EnumerateArray().Single(t => t.GetProperty("nummer").GetInt32() == nummer);

    [Fact]
    public async Task de_trend_vergelijkt_met_de_beoordeling_en_daarna_met_de_vorige_rapportage()
    {
        await CatalogusAsync();
        var code = await BekendeOdAsync();
        await BeoordelingEventAsync(new BeoordelingGepubliceerdV1(code, "2024", 1, "nietZelfstandigRobuust",
            [new CriteriumKleurV1(7, 0, 2), new CriteriumKleurV1(1, 1, 3)]), code);
        // A revision changes criterion 7 to red: the baseline follows it.
        await BeoordelingEventAsync(new CriteriumScoreGewijzigdV1(code, "2024", 2, 7, 2, 3), code);
        await BeoordelingEventAsync(new OordeelHerzienV1(code, "2024", 2, "nietZelfstandigRobuust", "nietRobuust", "Na gesprek"), code);

        var eerste = await ConceptAsync(code);
        await KerngetallenAsync(code, eerste, new { totaalFte = 100, fteVasteDienst = 70 });
        using var client = await Od(code);
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{eerste}/criteria/1",
            new { maatregelen = "Kwartaalplanning", planning = (object?)null, risicos = (string?)null, haalbaarheid = 2 }, Ct)).AssertJsonAsync();
        var r1 = await IndienenAsync(code, eerste);

        var t7 = Trend(r1, 7);
        Assert.Equal((3, 3, "evaluatie", "beoordeling", "gelijk"), (t7.GetProperty("beoordeling").GetInt32(), t7.GetProperty("dezeRapportage").GetInt32(),
            t7.GetProperty("bron").GetString(), t7.GetProperty("vergelekenMet").GetString(), t7.GetProperty("trend").GetString()));
        var t1 = Trend(r1, 1);
        Assert.Equal((3, 2, "haalbaarheid", "beter"), (t1.GetProperty("beoordeling").GetInt32(), t1.GetProperty("dezeRapportage").GetInt32(),
            t1.GetProperty("bron").GetString(), t1.GetProperty("trend").GetString()));
        Assert.Equal(JsonValueKind.Null, Trend(r1, 4).GetProperty("trend").ValueKind);

        // The second round: against the first report.
        var tweede = await ConceptAsync(code, "voortgang2");
        await KerngetallenAsync(code, tweede, new { totaalFte = 100, fteVasteDienst = 90 });
        var r2 = await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{tweede}/criteria/1",
            new { maatregelen = "Vertraagd", planning = (object?)null, risicos = (string?)null, haalbaarheid = 3 }, Ct)).AssertJsonAsync();
        t7 = Trend(r2, 7);
        Assert.Equal(("voortgang1", 3, 1, "vorigeRapportage", "beter"), (t7.GetProperty("vorigeRonde").GetString(), t7.GetProperty("vorigeRapportage").GetInt32(),
            t7.GetProperty("dezeRapportage").GetInt32(), t7.GetProperty("vergelekenMet").GetString(), t7.GetProperty("trend").GetString()));
        t1 = Trend(r2, 1);
        Assert.Equal((2, 3, "slechter"), (t1.GetProperty("vorigeRapportage").GetInt32(), t1.GetProperty("dezeRapportage").GetInt32(), t1.GetProperty("trend").GetString()));
    }

    [Fact]
    public async Task zonder_gepubliceerde_beoordeling_is_er_geen_basis()
    {
        await CatalogusAsync();
        var code = await BekendeOdAsync();
        var r = await KerngetallenAsync(code, await ConceptAsync(code), new { totaalFte = 100, fteVasteDienst = 90 });
        var t7 = Trend(r, 7);
        Assert.Equal(JsonValueKind.Null, t7.GetProperty("beoordeling").ValueKind);
        Assert.Equal(1, t7.GetProperty("dezeRapportage").GetInt32());
        Assert.Equal(JsonValueKind.Null, t7.GetProperty("trend").ValueKind);
    }
}
