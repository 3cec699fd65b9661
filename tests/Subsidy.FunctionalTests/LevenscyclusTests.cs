using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>The whole life of a request under the robustness contribution, as ODG and ODNL live it.</summary>
public sealed class LevenscyclusTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    [Fact]
    public async Task odg_vraagt_aan_odnl_verleent_gedeeltelijk_en_het_budget_en_de_beschikking_kloppen()
    {
        // The scheme's owner sets the rules this story needs: a decision period and an advance of 80%.
        (await WijzigRegelingAsync("odnl", Robuust, r => { r["beslistermijnWeken"] = 8; r["voorschotPercentage"] = 80; })).EnsureSuccessStatusCode();
        var voor = await BudgetAsync();

        var id = await ConceptAsync("od-ODG", new
        {
            regeling = Robuust,
            omgevingsdienst = "ODG",
            activiteiten = new object[]
            {
                new
                {
                    omschrijving = "Flexibele schil omzetten naar vaste formatie", criteria = new[] { 7 },
                    periode = new { van = "2025-01-01", tot = "2026-03-31" },
                    kostenregels = new[] { new { categorie = "personeel", bedrag = 120000.00m }, new { categorie = "werving", bedrag = 5000.50m } },
                },
                new
                {
                    omschrijving = "Opleidingsplan <VTH> & kennisborging", criteria = new[] { 18 },
                    periode = new { van = "2025-02-01", tot = "2025-12-31" },
                    kostenregels = new[] { new { categorie = "opleiding", bedrag = 30000.25m } },
                },
            },
            aangevraagdBedrag = 155000.75m,
            cofinanciering = new[] { new { door = "Provincie Groningen", bedrag = 10000.00m } },
            documenten = new[] { new { titel = "Begroting", url = "https://odg.example.nl/begroting.pdf" } },
        });

        var ingediend = await (await PostAsync("od-ODG", $"/aanvragen/{id}/indiening")).AssertJsonAsync();
        Assert.Equal("ingediend", ingediend.GetProperty("status").GetString());
        Assert.Equal(155000.75m, Dec(ingediend, "aangevraagdBedrag"));
        var uiterlijk = ingediend.GetProperty("beslistermijn").GetProperty("uiterlijk").GetString();
        Assert.NotNull(uiterlijk);

        await (await PostAsync("odnl", $"/aanvragen/{id}/behandeling")).AssertJsonAsync();
        var gevraagd = await (await PostAsync("odnl", $"/aanvragen/{id}/informatieverzoek", new { vraag = "Onderbouw de wervingskosten." })).AssertJsonAsync();
        Assert.Equal("informatieGevraagd", gevraagd.GetProperty("status").GetString());
        Assert.True(gevraagd.GetProperty("beslistermijn").GetProperty("opgeschort").GetBoolean());

        // While the OD has not answered, no decision can be taken.
        await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "verleend", bedrag = 100000.00m, motivering = "x" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        var beantwoord = await (await PostAsync("od-ODG", $"/aanvragen/{id}/informatie", new { antwoord = "Zie de offerte.", documenten = new[] { new { titel = "Offerte", url = "https://odg.example.nl/offerte.pdf" } } })).AssertJsonAsync();
        Assert.False(beantwoord.GetProperty("beslistermijn").GetProperty("opgeschort").GetBoolean());
        Assert.Equal(2, beantwoord.GetProperty("documenten").GetArrayLength());

        var besluit = await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new
        {
            uitkomst = "verleend", bedrag = 130000.50m,
            activiteiten = new[] { new { bedrag = 100000.25m }, new { bedrag = 30000.25m } },
            motivering = "De wervingskosten zijn deels onderbouwd.",
        })).AssertJsonAsync();
        Assert.Equal("verleend", besluit.GetProperty("status").GetString());
        Assert.Equal(104000.40m, Dec(besluit.GetProperty("betalingen")[0], "bedrag")); // 80% advance, to the cent

        var budget = await BudgetAsync();
        Assert.Equal(7000000.00m, Dec(budget, "plafond"));
        Assert.Equal(Dec(voor, "verplicht") + 130000.50m, Dec(budget, "verplicht"));
        Assert.Equal(Dec(budget, "plafond") - Dec(budget, "verplicht"), Dec(budget, "beschikbaar"));
        Assert.Equal(Dec(voor, "betaald") + 104000.40m, Dec(budget, "betaald"));

        using (var client = await Od("ODG"))
        {
            using var html = await client.GetAsync($"{Base}/aanvragen/{id}/beschikking", Ct);
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            var pagina = await html.Content.ReadAsStringAsync(Ct);
            Assert.Contains("€ 130.000,50", pagina);
            Assert.Contains("€ 104.000,40", pagina);
            Assert.Contains("De wervingskosten zijn deels onderbouwd.", pagina);
            Assert.Contains("bezwaar", pagina);
            Assert.Contains("&lt;VTH&gt; &amp; kennisborging", pagina);
            Assert.DoesNotContain("<VTH>", pagina);

            using var md = new HttpRequestMessage(HttpMethod.Get, $"{Base}/aanvragen/{id}/beschikking");
            md.Headers.Accept.ParseAdd("text/markdown");
            using var markdown = await client.SendAsync(md, Ct);
            Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
            Assert.Contains("| 1 | Flexibele schil omzetten naar vaste formatie | 7 | € 125.000,50 | € 100.000,25 |", await markdown.Content.ReadAsStringAsync(Ct));
        }

        // Accountability, then a settlement below the advance: the difference returns to the budget and the rest of the
        // advance is claimed back.
        await (await PostAsync("od-ODG", $"/aanvragen/{id}/verantwoording", new { activiteiten = new[] { new { gerealiseerdeKosten = 80000.00m }, new { gerealiseerdeKosten = 20000.00m } }, toelichting = (string?)null }))
            .AssertJsonAsync();
        var vastgesteld = await (await PostAsync("odnl", $"/aanvragen/{id}/vaststelling", new { bedrag = 100000.00m, motivering = "Gerealiseerd volgens verantwoording." })).AssertJsonAsync();
        Assert.Equal("vastgesteld", vastgesteld.GetProperty("status").GetString());
        Assert.Equal(4000.40m, Dec(vastgesteld, "terugvordering"));
        Assert.Equal(30000.50m, Dec(vastgesteld.GetProperty("vaststelling"), "vrijgevallen"));

        var na = await BudgetAsync();
        Assert.Equal(Dec(voor, "verplicht") + 100000.00m, Dec(na, "verplicht"));
        Assert.Equal(Dec(voor, "vrijgevallen") + 30000.50m, Dec(na, "vrijgevallen"));
        Assert.Equal(Dec(voor, "teruggevorderd") + 4000.40m, Dec(na, "teruggevorderd"));

        var overzicht = await GetAsync("od-ODG", "/omgevingsdiensten/ODG");
        var totaal = overzicht.GetProperty("regelingen").EnumerateArray().Single(r => r.GetProperty("regeling").GetString() == Robuust);
        Assert.Equal(130000.50m, Dec(totaal, "verleend"));
        Assert.Equal(104000.40m, Dec(totaal, "betaald"));

        var criteria = await GetAsync("ipo", $"/regelingen/{Robuust}/criteria");
        var c18 = criteria.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("nummer").GetInt32() == 18);
        Assert.Equal(30000.25m, Dec(c18, "verleend"));
    }

    [Fact]
    public async Task settlement_above_the_advance_pays_the_rest_and_releases_the_difference()
    {
        var od = await BekendeOdAsync();
        var id = await IngediendAsync(od, Robuust, 10000.00m);
        await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "verleend", bedrag = 10000.00m, motivering = "Volledig." })).AssertJsonAsync();
        var voor = await BudgetAsync();
        await (await PostAsync($"od-{od}", $"/aanvragen/{id}/verantwoording", new { activiteiten = new[] { new { gerealiseerdeKosten = 9500.00m } }, toelichting = "Iets goedkoper." })).AssertJsonAsync();
        var vastgesteld = await (await PostAsync("odnl", $"/aanvragen/{id}/vaststelling", new { bedrag = 9500.00m, motivering = "Volgens verantwoording." })).AssertJsonAsync();

        var betalingen = vastgesteld.GetProperty("betalingen").EnumerateArray().ToList();
        Assert.Equal(9500.00m, betalingen.Sum(b => Dec(b, "bedrag")));
        Assert.Equal("eindbetaling", betalingen[^1].GetProperty("soort").GetString());
        Assert.Equal(JsonValueKind.Null, vastgesteld.GetProperty("terugvordering").ValueKind);
        var na = await BudgetAsync();
        Assert.Equal(Dec(voor, "verplicht") - 500.00m, Dec(na, "verplicht"));
        Assert.Equal(Dec(voor, "vrijgevallen") + 500.00m, Dec(na, "vrijgevallen"));
    }

    [Fact]
    public async Task an_upheld_objection_grants_a_refused_request_and_commits_it()
    {
        var od = await BekendeOdAsync();
        var id = await IngediendAsync(od, Robuust, 20000.00m);
        var geweigerd = await (await PostAsync("odnl", $"/aanvragen/{id}/besluit", new { uitkomst = "geweigerd", motivering = "Niet onderbouwd." })).AssertJsonAsync();
        Assert.Equal("geweigerd", geweigerd.GetProperty("status").GetString());
        var voor = await BudgetAsync();

        await (await PostAsync($"od-{od}", $"/aanvragen/{id}/bezwaar", new { gronden = "De onderbouwing zat in bijlage 2." })).AssertJsonAsync();
        await (await PostAsync($"od-{od}", $"/aanvragen/{id}/bezwaar", new { gronden = "Nog een keer." })).AssertProblemAsync(HttpStatusCode.Conflict);
        var beslist = await (await PostAsync("odnl", $"/aanvragen/{id}/bezwaar/beslissing", new { uitkomst = "gegrond", bedrag = 15000.00m, motivering = "Bijlage 2 onderbouwt 15.000 euro." }))
            .AssertJsonAsync();
        Assert.Equal("verleend", beslist.GetProperty("status").GetString());
        Assert.Equal("gegrond", beslist.GetProperty("bezwaar").GetProperty("uitkomst").GetString());
        Assert.Equal(Dec(voor, "verplicht") + 15000.00m, Dec(await BudgetAsync(), "verplicht"));
    }

    [Fact]
    public async Task een_concept_wordt_vervangen_tot_het_is_ingediend()
    {
        var od = await BekendeOdAsync();
        var id = await ConceptAsync($"od-{od}", Aanvraag(Robuust, od, [1000.00m]));
        using var client = await Od(od);

        async Task<HttpResponseMessage> PutAsync(object body, string? etag = null)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"{Base}/aanvragen/{id}") { Content = JsonContent.Create(body) };
            if (etag is not null)
            {
                put.Headers.TryAddWithoutValidation("If-Match", etag);
            }

            return await client.SendAsync(put, Ct);
        }

        using var gelezen = await client.GetAsync($"{Base}/aanvragen/{id}", Ct);
        var etag = gelezen.Headers.ETag!.ToString();

        // Bad input and a stale ETag change nothing.
        var voor = await App.EventCountAsync(Ct);
        (await (await PutAsync(Aanvraag(Robuust, od, [-1m]))).AssertProblemAsync(HttpStatusCode.BadRequest)).AssertNoemt("activiteiten[0].kostenregels[0].bedrag");
        (await (await PutAsync(Aanvraag(Fusie, od, [1m]))).AssertProblemAsync(HttpStatusCode.BadRequest)).AssertNoemt("regeling");
        await (await PutAsync(Aanvraag(Robuust, od, [2000.00m]), "\"99\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(voor, await App.EventCountAsync(Ct));

        // Another OD: as if the request did not exist.
        using (var ander = await Od("FUMO"))
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"{Base}/aanvragen/{id}") { Content = JsonContent.Create(Aanvraag(Robuust, "FUMO", [1m])) };
            await (await ander.SendAsync(put, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var gewijzigd = await (await PutAsync(Aanvraag(Robuust, od, [2000.00m, 500.50m], criteria: [18]), etag)).AssertJsonAsync();
        Assert.Equal(2500.50m, Dec(gewijzigd, "aangevraagdBedrag"));
        Assert.Equal(2, gewijzigd.GetProperty("activiteiten").GetArrayLength());
        Assert.Equal("concept", gewijzigd.GetProperty("status").GetString());

        // The same content again appends nothing.
        var na = await App.EventCountAsync(Ct);
        await (await PutAsync(Aanvraag(Robuust, od, [2000.00m, 500.50m], criteria: [18]))).AssertJsonAsync();
        Assert.Equal(na, await App.EventCountAsync(Ct));

        var ingediend = await (await PostAsync($"od-{od}", $"/aanvragen/{id}/indiening")).AssertJsonAsync();
        Assert.Equal(2500.50m, Dec(ingediend, "aangevraagdBedrag"));
        await (await PutAsync(Aanvraag(Robuust, od, [1.00m]))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2500.50m, Dec(await GetAsync("ienw", $"/aanvragen/{id}"), "aangevraagdBedrag"));
    }
}
