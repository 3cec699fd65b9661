using System.Net;
using System.Text.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>
/// The thresholds come from the assessment's catalogue (criterium-vastgesteld on /events/beoordeling): without it a
/// measurable criterion is not evaluable; a new catalogue version changes a draft's evaluation but not a submitted report's.
/// </summary>
public sealed class DrempelTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    public static TheoryData<int, object, string> Grenzen => new()
    {
        // criterion 7: at least 80% of FTE permanent
        { 7, new { totaalFte = 100, fteVasteDienst = 80 }, "groen" },
        { 7, new { totaalFte = 100, fteVasteDienst = 79.99 }, "rood" },
        { 7, new { totaalFte = 100, fteVasteDienst = 80.01 }, "groen" },
        // criterion 10: innovation budget more than 1% of the budget
        { 10, new { totaalBudget = 1_000_000, innovatiebudget = 10_000 }, "rood" },
        { 10, new { totaalBudget = 1_000_000, innovatiebudget = 9_999.99 }, "rood" },
        { 10, new { totaalBudget = 1_000_000, innovatiebudget = 10_000.01 }, "groen" },
        // criterion 17: training budget more than 3% of the wage bill
        { 17, new { loonsom = 1_000_000, opleidingsbudget = 30_000 }, "rood" },
        { 17, new { loonsom = 1_000_000, opleidingsbudget = 29_999.99 }, "rood" },
        { 17, new { loonsom = 1_000_000, opleidingsbudget = 30_000.01 }, "groen" },
        // criterion 19: BI capacity more than 3 FTE
        { 19, new { biCapaciteitFte = 3 }, "rood" },
        { 19, new { biCapaciteitFte = 2.99 }, "rood" },
        { 19, new { biCapaciteitFte = 3.01 }, "groen" },
    };

    [Theory]
    [MemberData(nameof(Grenzen))]
    public async Task op_net_onder_en_net_boven_elke_drempel_uit_de_catalogus(int criterium, object waarden, string verwacht)
    {
        await CatalogusAsync();
        var code = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        var r = await KerngetallenAsync(code, id, waarden);
        Assert.Equal(verwacht, Uitkomst(r, criterium));
        Assert.Equal(1, Evaluatie(r, criterium).GetProperty("criteriumVersie").GetInt32());
        Assert.Equal("catalogus", r.GetProperty("drempelbron").GetString());
    }

    [Fact]
    public async Task een_ontbrekend_kerngetal_is_niet_te_beoordelen_nooit_0()
    {
        await CatalogusAsync();
        var code = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        var r = await KerngetallenAsync(code, id, new { totaalFte = 100, fteVasteDienst = (decimal?)null });
        var e = Evaluatie(r, 7);
        Assert.Equal("nietTeBeoordelen", e.GetProperty("uitkomst").GetString());
        Assert.Equal(["fteVasteDienst"], e.GetProperty("ontbrekend").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(JsonValueKind.Null, e.GetProperty("gemeten").ValueKind);
        Assert.Equal("nietTeBeoordelen", Uitkomst(r, 19));
    }

    [Fact]
    public async Task zonder_sidecar_token_past_de_catalogus_niet_aan()
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsync("/events/beoordeling", BeoordelingEvent.Content(
            new RobuustOD.Contracts.Beoordeling.CriteriumVastgesteldV1(7, 99, "x", null, null, null, DateTimeOffset.UtcNow), "criteriumcatalogus"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>The catalogue's versions in their own database: these tests start from a catalogue without 7 and 19.</summary>
public sealed class DrempelVersieTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    [Fact]
    public async Task de_catalogus_bepaalt_de_drempel_en_een_ingediende_rapportage_houdt_de_hare()
    {
        var code = await BekendeOdAsync();
        var ander = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        var concept = await ConceptAsync(ander);
        var cijfers = new { totaalFte = 100, fteVasteDienst = 82 };
        await KerngetallenAsync(ander, concept, cijfers);

        // No catalogue yet in this database's copy: not evaluable, with the reason.
        var r = await KerngetallenAsync(code, id, cijfers);
        Assert.Equal("nietTeBeoordelen", Uitkomst(r, 7));
        Assert.Contains("criteriacatalogus", Evaluatie(r, 7).GetProperty("reden").GetString(), StringComparison.Ordinal);

        await CriteriumAsync(7, ">=", 80, "procent");
        Assert.Equal("groen", Uitkomst(await RapportageAsync(code, id), 7));

        var ingediend = await IndienenAsync(code, id);
        Assert.Equal("indiening", ingediend.GetProperty("drempelbron").GetString());

        // A later catalogue edition: 85%. The draft follows it; the submitted report keeps 80%.
        await CriteriumAsync(7, ">=", 85, "procent", versie: 2);
        var na = await RapportageAsync(code, id);
        Assert.Equal("groen", Uitkomst(na, 7));
        Assert.Equal((80m, 1), (Evaluatie(na, 7).GetProperty("drempel").GetDecimal(), Evaluatie(na, 7).GetProperty("criteriumVersie").GetInt32()));
        var draft = await RapportageAsync(ander, concept);
        Assert.Equal("rood", Uitkomst(draft, 7));
        Assert.Equal(85m, Evaluatie(draft, 7).GetProperty("drempel").GetDecimal());

        // A redelivered or older version never rolls the catalogue back.
        await CriteriumAsync(7, ">=", 80, "procent", versie: 1);
        Assert.Equal("rood", Uitkomst(await RapportageAsync(ander, concept), 7));
    }

    [Fact]
    public async Task een_criterium_zonder_drempel_in_de_catalogus_is_niet_te_beoordelen()
    {
        var code = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        await BeoordelingEventAsync(new RobuustOD.Contracts.Beoordeling.CriteriumVastgesteldV1(19, 5, "BI", null, null, "IenW", DateTimeOffset.UtcNow),
            RobuustOD.Contracts.Beoordeling.Criteriumcatalogus.StreamKey);
        var r = await KerngetallenAsync(code, id, new { biCapaciteitFte = 10 });
        Assert.Equal("nietTeBeoordelen", Uitkomst(r, 19));
        Assert.Contains("geen meetbare drempel", Evaluatie(r, 19).GetProperty("reden").GetString(), StringComparison.Ordinal);
    }
}
