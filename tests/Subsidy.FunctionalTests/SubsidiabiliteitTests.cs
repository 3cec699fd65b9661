using System.Net;
using System.Text.Json;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>Eligibility on submission: every refusal a 409 problem naming the field and saying why; nothing appended.</summary>
public sealed class SubsidiabiliteitTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    private async Task<JsonElement> WeigertAsync(string clientId, string id, params string[] velden)
    {
        var voor = await App.EventCountAsync(Ct);
        var problem = await (await PostAsync(clientId, $"/aanvragen/{id}/indiening")).AssertProblemAsync(HttpStatusCode.Conflict);
        problem.AssertNoemt(velden);
        Assert.Equal("Aanvraag voldoet niet aan de regeling", problem.GetProperty("title").GetString());
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        return problem;
    }

    [Fact]
    public async Task een_opgeheven_omgevingsdienst_kan_niet_indienen()
    {
        var od = await BekendeOdAsync();
        var id = await ConceptAsync($"od-{od}", Aanvraag(Robuust, od, [1000.00m]));
        await using (var session = App.Store.LightweightSession())
        {
            var bekend = (await session.LoadAsync<RobuustOD.RegisterReadModel.OmgevingsdienstUitRegister>(od, Ct))!;
            bekend.OpgehevenOp = new DateOnly(2025, 1, 1);
            bekend.Opvolgers = ["ODX"];
            session.Store(bekend);
            await session.SaveChangesAsync(Ct);
        }

        var problem = await WeigertAsync($"od-{od}", id, "omgevingsdienst");
        Assert.Contains("opgeheven op 2025-01-01", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task fusiesubsidie_zonder_fusie_of_opsplitsing_in_het_register_wordt_geweigerd_met_de_reden()
    {
        var od = await BekendeOdAsync();
        var id = await ConceptAsync($"od-{od}", Aanvraag(Fusie, od, [50000.00m]));
        var problem = await WeigertAsync($"od-{od}", id, "omgevingsdienst");
        Assert.Contains("geen aangekondigde of voltooide fusie of opsplitsing", problem.GetProperty("detail").GetString());

        // With a merger the register announced, the same request is eligible.
        var deelnemer = await BekendeOdAsync(o => o.AangekondigdeFusie = "ODNIEUW");
        var toegestaan = await ConceptAsync($"od-{deelnemer}", Aanvraag(Fusie, deelnemer, [50000.00m]));
        var ingediend = await (await PostAsync($"od-{deelnemer}", $"/aanvragen/{toegestaan}/indiening")).AssertJsonAsync();
        Assert.Equal("ingediend", ingediend.GetProperty("status").GetString());

        // The merger subsidy is IenW's to handle, not ODNL's; and its ceiling is unknown, so nothing can be granted yet.
        await (await PostAsync("odnl", $"/aanvragen/{toegestaan}/besluit", new { uitkomst = "verleend", bedrag = 1000.00m, motivering = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var plafond = await (await PostAsync("ienw", $"/aanvragen/{toegestaan}/besluit", new { uitkomst = "verleend", bedrag = 1000.00m, motivering = "x" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("plafond", plafond.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task een_completed_merger_or_split_makes_the_successor_eligible()
    {
        var opvolger = await BekendeOdAsync(o => o.Voorgangers = ["ODA", "ODB"]);
        var id = await ConceptAsync("ienw", Aanvraag(Fusie, opvolger, [50000.00m]));
        var ingediend = await (await PostAsync("ienw", $"/aanvragen/{id}/indiening")).AssertJsonAsync();
        Assert.Equal(1, ingediend.GetProperty("regelingVersie").GetInt32());
    }

    [Fact]
    public async Task een_onbekend_criterium_wordt_per_activiteit_genoemd()
    {
        var od = await BekendeOdAsync();
        var id = await ConceptAsync($"od-{od}", Aanvraag(Robuust, od, [1000.00m, 2000.00m], criteria: [7, 42]));
        var problem = await WeigertAsync($"od-{od}", id, "activiteiten[0].criteria", "activiteiten[1].criteria");
        Assert.Contains("Criterium 42 staat niet in de catalogus", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task een_ingediende_aanvraag_is_bevroren()
    {
        var od = await BekendeOdAsync();
        var id = await IngediendAsync(od, Robuust, 1000.00m);
        await (await PostAsync($"od-{od}", $"/aanvragen/{id}/indiening")).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
