using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>The ceiling of EUR 7,000,000.00 under 200 grant decisions at once.</summary>
public sealed class PlafondTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    [Fact]
    public async Task tweehonderd_gelijktijdige_verleningen_gaan_nooit_over_het_plafond()
    {
        var random = new Random(20261201);
        var ods = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ods.Add(await BekendeOdAsync());
        }

        // 200 requests of random amounts with cents, together well above the ceiling (about 9 million).
        var aanvragen = new List<(string Id, decimal Bedrag)>();
        for (var i = 0; i < 200; i++)
        {
            var bedrag = random.Next(1_000_000, 8_000_000) / 100m;
            aanvragen.Add((await IngediendAsync(ods[i % ods.Count], Robuust, bedrag), bedrag));
        }

        Assert.True(aanvragen.Sum(a => a.Bedrag) > 7_000_000.00m);
        var voor = await App.EventCountAsync(Ct);

        using var odnl = await Client("odnl");
        var resultaten = await Task.WhenAll(aanvragen.Select(async a =>
        {
            using var response = await odnl.PostAsJsonAsync($"{Base}/aanvragen/{a.Id}/besluit",
                new { uitkomst = "verleend", bedrag = a.Bedrag, motivering = "Past binnen de regeling." }, Ct);
            return (a.Id, a.Bedrag, response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }));

        var gelukt = resultaten.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var verloren = resultaten.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.All(verloren, r => Assert.True(r.StatusCode == HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Body}"));
        Assert.NotEmpty(gelukt);
        Assert.NotEmpty(verloren);

        var budget = await BudgetAsync();
        var verplicht = Dec(budget, "verplicht");
        Assert.True(verplicht <= 7_000_000.00m, $"committed {verplicht}");
        Assert.Equal(gelukt.Sum(r => r.Bedrag), verplicht);
        Assert.Equal(7_000_000.00m - verplicht, Dec(budget, "beschikbaar"));

        // Every loser: a 409 that says what is still available, its request undecided, nothing committed for it.
        foreach (var r in verloren)
        {
            Assert.Contains("nog beschikbaar is", r.Body);
            var aanvraag = await GetAsync("odnl", $"/aanvragen/{r.Id}");
            Assert.Equal("ingediend", aanvraag.GetProperty("status").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, aanvraag.GetProperty("besluit").ValueKind);
            // It does not fit in what is left now either: refused for the ceiling, not for a lost race.
            Assert.True(r.Bedrag > Dec(budget, "beschikbaar"), $"{r.Id} ({r.Bedrag}) would fit in {Dec(budget, "beschikbaar")}");
        }

        // Each grant appended its decision on the request and its commitment on the budget, nothing more.
        Assert.Equal(voor + (2 * gelukt.Count), await App.EventCountAsync(Ct));
    }
}
