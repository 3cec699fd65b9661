using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>OWASP API1: an OD acts on its own requests only; another OD's token learns nothing (404), handlers' routes are 403.</summary>
public sealed class ToegangTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    [Fact]
    public async Task een_andere_od_kan_niets_schrijven_en_ziet_niets()
    {
        var eigen = await BekendeOdAsync();
        var ander = await BekendeOdAsync();
        var concept = await ConceptAsync($"od-{eigen}", Aanvraag(Robuust, eigen, [1000.00m]));
        var verleend = await IngediendAsync(eigen, Robuust, 2000.00m);
        await (await PostAsync("odnl", $"/aanvragen/{verleend}/besluit", new { uitkomst = "verleend", bedrag = 2000.00m, motivering = "Volledig." })).AssertJsonAsync();
        var vreemd = $"od-{ander}";
        var voor = await App.EventCountAsync(Ct);

        // Drafting for another OD is refused outright.
        await (await PostAsync(vreemd, "/aanvragen", Aanvraag(Robuust, eigen, [1000.00m]))).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Every applicant's write on the other OD's request: 404, the same as for a request that does not exist.
        foreach (var (pad, body) in new (string, object?)[]
                 {
                     ($"/aanvragen/{concept}/indiening", null),
                     ($"/aanvragen/{verleend}/informatie", new { antwoord = "x" }),
                     ($"/aanvragen/{verleend}/verantwoording", new { activiteiten = new[] { new { gerealiseerdeKosten = 1.00m } } }),
                     ($"/aanvragen/{verleend}/bezwaar", new { gronden = "x" }),
                 })
        {
            var problem = await (await PostAsync(vreemd, pad, body)).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(eigen, problem.GetProperty("detail").GetString());
        }

        // The handlers' writes are not the OD's at all (also not its own OD's).
        foreach (var (pad, body) in new (string, object?)[]
                 {
                     ($"/aanvragen/{concept}/behandeling", null),
                     ($"/aanvragen/{concept}/informatieverzoek", new { vraag = "x" }),
                     ($"/aanvragen/{concept}/besluit", new { uitkomst = "verleend", bedrag = 1.00m, motivering = "x" }),
                     ($"/aanvragen/{concept}/besluit/bekrachtiging", null),
                     ($"/aanvragen/{verleend}/vaststelling", new { bedrag = 1.00m, motivering = "x" }),
                     ($"/aanvragen/{verleend}/bezwaar/beslissing", new { uitkomst = "ongegrond", motivering = "x" }),
                 })
        {
            await (await PostAsync(vreemd, pad, body)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await PostAsync($"od-{eigen}", pad, body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var client = await Od(ander))
        {
            using var put = await client.PutAsJsonAsync($"{Base}/regelingen/{Robuust}", new { naam = "x" }, Ct);
            await put.AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"{Base}/aanvragen/{verleend}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"{Base}/aanvragen/{verleend}/beschikking", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"{Base}/omgevingsdiensten/{eigen}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
            var lijst = await (await client.GetAsync($"{Base}/aanvragen?omgevingsdienst={eigen}", Ct)).AssertJsonAsync();
            Assert.Equal(0, lijst.GetProperty("aanvragen").GetArrayLength());
            await (await client.GetAsync($"{Base}/exporten/aanvragen", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task ipo_en_vng_zien_totalen_geen_aanvragen_en_de_behandelaar_alleen_zijn_regeling()
    {
        var od = await BekendeOdAsync();
        var id = await IngediendAsync(od, Robuust, 3000.00m);
        var fusie = await BekendeOdAsync(o => o.AangekondigdeFusie = "ODNIEUW");
        var fusieAanvraag = await ConceptAsync($"od-{fusie}", Aanvraag(Fusie, fusie, [5000.00m]));

        using var ipo = await Client("ipo");
        await (await ipo.GetAsync($"{Base}/aanvragen", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ipo.GetAsync($"{Base}/aanvragen/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var overzicht = await (await ipo.GetAsync($"{Base}/omgevingsdiensten/{od}", Ct)).AssertJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, overzicht.GetProperty("aanvragen").ValueKind);
        Assert.Equal(3000.00m, Dec(overzicht.GetProperty("regelingen")[0], "aangevraagd"));

        // ODNL handles the robustness contribution only; IenW reads everything.
        await (await (await Client("odnl")).GetAsync($"{Base}/aanvragen/{fusieAanvraag}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await Client("ienw")).GetAsync($"{Base}/aanvragen/{fusieAanvraag}", Ct)).AssertJsonAsync();
        await (await PostAsync("ienw", $"/aanvragen/{id}/besluit", new { uitkomst = "verleend", bedrag = 1.00m, motivering = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var csv = await (await Client("odnl")).GetStringAsync($"{Base}/exporten/aanvragen?regeling={Robuust}", Ct);
        Assert.StartsWith("\uFEFFaanvraag;regeling;", csv);
        Assert.Contains($"{id};{Robuust};1;{od};ingediend;3000.00;", csv);
        Assert.DoesNotContain(fusieAanvraag, csv);
    }
}
