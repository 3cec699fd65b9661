using System.Net;
using System.Text;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>Bad input is 400 naming every field, before anything is appended; handler-only fields are refused (OWASP API3).</summary>
public sealed class InvoerTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    [Fact]
    public async Task slechte_invoer_is_400_met_de_velden_en_voegt_niets_toe()
    {
        var od = await BekendeOdAsync();
        var client = $"od-{od}";
        var voor = await App.EventCountAsync(Ct);

        await (await PostAsync(client, "/aanvragen", Aanvraag(Robuust, od, [-1.00m]))).AssertOngeldigAsync("activiteiten[0].kostenregels[0].bedrag");
        await (await PostAsync(client, "/aanvragen", Aanvraag(Robuust, od, [10.005m]))).AssertOngeldigAsync("activiteiten[0].kostenregels[0].bedrag");
        await (await PostAsync(client, "/aanvragen", Aanvraag("bestaat-niet", od, [10.00m]))).AssertOngeldigAsync("regeling");
        await (await PostAsync(client, "/aanvragen", new
        {
            regeling = Robuust, omgevingsdienst = od, aangevraagdBedrag = 300.00m,
            activiteiten = new[]
            {
                new { omschrijving = "A", criteria = new[] { 7 }, periode = new { van = "2025-01-01", tot = "2025-02-01" },
                    kostenregels = new[] { new { categorie = "personeel", bedrag = 100.00m }, new { categorie = "huur", bedrag = 100.00m } } },
            },
        })).AssertOngeldigAsync("aangevraagdBedrag");
        await (await PostAsync(client, "/aanvragen", new
        {
            regeling = Robuust, omgevingsdienst = od,
            activiteiten = new[] { new { omschrijving = "", criteria = Array.Empty<int>(), periode = new { van = "2025-03-01", tot = "2025-02-01" }, kostenregels = Array.Empty<object>() } },
        })).AssertOngeldigAsync("activiteiten[0].omschrijving", "activiteiten[0].criteria", "activiteiten[0].periode.tot", "activiteiten[0].kostenregels");

        var id = await ConceptAsync(client, Aanvraag(Robuust, od, [500.00m]));
        voor = await App.EventCountAsync(Ct);
        await (await PostAsync(client, $"/aanvragen/{id}/indiening")).AssertJsonAsync();
        voor++;
        await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "verleend", bedrag = 100.001m, motivering = "x" })).AssertOngeldigAsync("bedrag");
        await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "verleend", bedrag = -5.00m, motivering = "x" })).AssertOngeldigAsync("bedrag");
        await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "verleend", bedrag = 600.00m, motivering = "x" })).AssertOngeldigAsync("bedrag");
        await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "misschien", bedrag = 5.00m, motivering = "x" })).AssertOngeldigAsync("uitkomst");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Theory]
    [InlineData("status", "\"verleend\"")]
    [InlineData("verleendBedrag", "1000.00")]
    [InlineData("verplicht", "1000.00")]
    public async Task velden_van_de_behandelaar_in_een_aanvraag_zijn_400(string veld, string waarde)
    {
        var od = await BekendeOdAsync();
        using var client = await Od(od);
        var voor = await App.EventCountAsync(Ct);
        var json = $$"""
            {"regeling":"{{Robuust}}","omgevingsdienst":"{{od}}","{{veld}}":{{waarde}},
             "activiteiten":[{"omschrijving":"A","criteria":[7],"periode":{"van":"2025-01-01","tot":"2025-02-01"},"kostenregels":[{"categorie":"personeel","bedrag":100.00}]}]}
            """;
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        var problem = await (await client.PostAsync($"{Base}/aanvragen", body, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(veld, problem.ToString());
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }
}
