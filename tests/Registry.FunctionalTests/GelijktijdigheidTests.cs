using System.Net;
using System.Net.Http.Json;
using Marten;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// Optimistic concurrency: If-Match against the stream version, and races between requests that
/// touch the same stream. A lost race is a 409 or 412, never a 500, and never two writes.
/// </summary>
public sealed class GelijktijdigheidTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    private const int Rondes = 10;

    [Fact]
    public async Task een_verouderde_if_match_geeft_412_en_voegt_niets_toe()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        using (var eerste = await PatchAsync(client, code, "\"1\"", "Eerste wijziging"))
        {
            Assert.Equal(HttpStatusCode.OK, eerste.StatusCode);
            Assert.Equal("\"2\"", eerste.Headers.ETag?.Tag);
        }

        var voor = await App.EventCountAsync(Ct);
        using var verouderd = await PatchAsync(client, code, "\"1\"", "Verouderde wijziging");

        await verouderd.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        Assert.Equal(2, await StreamLengteAsync(code));
        Assert.Equal("Eerste wijziging", (await GetJsonAsync($"{Base}/omgevingsdiensten/{code}")).GetProperty("naam").GetString());
    }

    [Fact]
    public async Task een_if_match_uit_de_toekomst_geeft_412()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await PatchAsync(client, code, "\"7\"", "Nieuw");
        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_zwakke_etag_in_if_match_geeft_412()
    {
        // If-Match compares strongly (RFC 9110 13.1.1): W/"1" never matches.
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await PatchAsync(client, code, "W/\"1\"", "Nieuw");
        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"1")]
    [InlineData("versie-1")]
    [InlineData("\"1\" \"2\"")]
    public async Task een_misvormde_if_match_geeft_400(string ifMatch)
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await PatchAsync(client, code, ifMatch, "Nieuw");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("If-Match", problem.ErrorFields());
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task if_match_ster_werkt()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        using var response = await PatchAsync(client, code, "*", "Naam via ster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("Naam via ster", (await GetJsonAsync($"{Base}/omgevingsdiensten/{code}")).GetProperty("naam").GetString());
    }

    [Fact]
    public async Task een_lijst_met_de_actuele_etag_erin_werkt()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        using var response = await PatchAsync(client, code, "\"5\", \"1\"", "Naam via lijst");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task de_etag_van_get_werkt_als_if_match()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        using var get = await client.GetAsync($"{Base}/omgevingsdiensten/{code}", Ct);
        var etag = get.Headers.ETag?.Tag;
        Assert.Equal("\"1\"", etag);

        using var response = await PatchAsync(client, code, etag!, "Naam via GET-ETag");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task twee_gelijktijdige_wijzigingen_met_dezelfde_if_match_leveren_precies_een_wijziging_op()
    {
        var verliezers = new List<int>();
        for (var ronde = 0; ronde < Rondes; ronde++)
        {
            var code = await RegistreerAsync();
            using var a = await Ienw();
            using var b = await Ienw();

            var responses = await Task.WhenAll(PatchAsync(a, code, "\"1\"", "Wijziging A"), PatchAsync(b, code, "\"1\"", "Wijziging B"));
            try
            {
                var statussen = responses.Select(r => r.StatusCode).ToList();
                Assert.True(statussen.Count(s => s == HttpStatusCode.OK) == 1,
                    $"round {ronde}: expected exactly one 200, got {string.Join(", ", statussen.Select(s => (int)s))}");
                var verliezer = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
                verliezers.Add((int)verliezer.StatusCode);
                await verliezer.AssertProblemAsync(verliezer.StatusCode == HttpStatusCode.Conflict
                    ? HttpStatusCode.Conflict
                    : HttpStatusCode.PreconditionFailed);

                Assert.Equal(2, await StreamLengteAsync(code));
                var winnaar = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
                Assert.Equal("\"2\"", winnaar.Headers.ETag?.Tag);
                var naam = (await winnaar.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("naam").GetString();
                Assert.Equal(naam, (await GetJsonAsync($"{Base}/omgevingsdiensten/{code}")).GetProperty("naam").GetString());
            }
            finally
            {
                foreach (var response in responses)
                {
                    response.Dispose();
                }
            }
        }

        // 412: the loser read the winner's version; 409: both passed If-Match and the loser lost at the append.
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"losers: {verliezers.Count(s => s == 412)}x 412 (checked after the winner), {verliezers.Count(s => s == 409)}x 409 (lost at append)");
    }

    [Fact]
    public async Task twee_gelijktijdige_registraties_van_dezelfde_code_leveren_een_201_en_een_409()
    {
        for (var ronde = 0; ronde < Rondes; ronde++)
        {
            var code = NieuweCode();
            using var a = await Ienw();
            using var b = await Ienw();

            var responses = await Task.WhenAll(
                a.PostAsJsonAsync($"{Base}/omgevingsdiensten",
                    new { code, naam = "Registratie A", provincies = new[] { "Utrecht" }, aantalDeelnemers = 5, opgerichtOp = "2015-01-01" }, Ct),
                b.PostAsJsonAsync($"{Base}/omgevingsdiensten",
                    new { code, naam = "Registratie B", provincies = new[] { "Gelderland" }, aantalDeelnemers = 6, opgerichtOp = "2016-01-01" }, Ct));
            try
            {
                var statussen = responses.Select(r => (int)r.StatusCode).OrderBy(s => s).ToList();
                Assert.True(statussen.SequenceEqual([201, 409]), $"round {ronde}: expected 201 and 409, got {string.Join(", ", statussen)}");
                await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict);

                await using var session = App.Store.QuerySession();
                var events = await session.Events.FetchStreamAsync(code, token: Ct);
                Assert.Single(events);
                var winnaar = responses.Single(r => r.StatusCode == HttpStatusCode.Created);
                var naam = (await winnaar.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("naam").GetString();
                Assert.Equal(naam, (await GetJsonAsync($"{Base}/omgevingsdiensten/{code}")).GetProperty("naam").GetString());
            }
            finally
            {
                foreach (var response in responses)
                {
                    response.Dispose();
                }
            }
        }
    }

    [Fact]
    public async Task twee_gelijktijdige_fusieaankondigingen_voor_dezelfde_deelnemers_leveren_een_201_en_een_409()
    {
        for (var ronde = 0; ronde < Rondes; ronde++)
        {
            var x = await RegistreerAsync();
            var y = await RegistreerAsync();
            using var a = await Ienw();
            using var b = await Ienw();
            var opvolgerA = NieuweCode("FA");
            var opvolgerB = NieuweCode("FB");

            var responses = await Task.WhenAll(KondigFusieAanAsync(a, [x, y], opvolgerA), KondigFusieAanAsync(b, [x, y], opvolgerB));
            try
            {
                var statussen = responses.Select(r => (int)r.StatusCode).OrderBy(s => s).ToList();
                Assert.True(statussen.SequenceEqual([201, 409]), $"round {ronde}: expected 201 and 409, got {string.Join(", ", statussen)}");
                await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict);

                // Each deelnemer got exactly one announcement, and both name the same (winning) opvolger.
                Assert.Equal(2, await StreamLengteAsync(x));
                Assert.Equal(2, await StreamLengteAsync(y));
                var location = responses.Single(r => r.StatusCode == HttpStatusCode.Created).Headers.Location?.OriginalString;
                Assert.True(location is not null, $"round {ronde}: 201 without Location");
                var opvolger = location.Split('/')[^1];
                Assert.Contains(opvolger, new[] { opvolgerA, opvolgerB });
                var verliezer = opvolger == opvolgerA ? opvolgerB : opvolgerA;
                using var client = await Anoniem();
                using var fusie = await client.GetAsync($"{Base}/fusies/{opvolger}", Ct);
                Assert.Equal(HttpStatusCode.OK, fusie.StatusCode);
                using var geenFusie = await client.GetAsync($"{Base}/fusies/{verliezer}", Ct);
                Assert.Equal(HttpStatusCode.NotFound, geenFusie.StatusCode);
            }
            finally
            {
                foreach (var response in responses)
                {
                    response.Dispose();
                }
            }
        }
    }

    [Fact]
    public async Task gelijktijdige_wijzigingen_zonder_if_match_gaan_geen_van_alle_verloren_of_worden_500()
    {
        var code = await RegistreerAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Ienw()));
        try
        {
            var responses = await Task.WhenAll(clients.Select((c, i) => PatchAsync(c, code, null, $"Naam {i}")));
            var statussen = responses.Select(r => (int)r.StatusCode).ToList();
            Assert.All(statussen, s => Assert.True(s is 200 or 409, $"got {string.Join(", ", statussen)}"));
            Assert.Equal(1 + statussen.Count(s => s == 200), await StreamLengteAsync(code));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private async Task<HttpResponseMessage> PatchAsync(HttpClient client, string code, string? ifMatch, string naam)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Base}/omgevingsdiensten/{code}")
        {
            Content = JsonContent.Create(new { naam }),
        };
        if (ifMatch is not null)
        {
            // Unvalidated: the malformed cases must reach the server as they are.
            Assert.True(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));
        }

        return await client.SendAsync(request, Ct);
    }

    private Task<HttpResponseMessage> KondigFusieAanAsync(HttpClient client, string[] deelnemers, string opvolger) =>
        client.PostAsJsonAsync($"{Base}/fusies", new
        {
            deelnemers,
            opvolger = new { code = opvolger, naam = $"Opvolger {opvolger}", provincies = new[] { "Utrecht" }, aantalDeelnemers = 14 },
            ingangsdatum = "2027-01-01",
            aangekondigdOp = "2026-01-01",
        }, Ct);

    private async Task<int> StreamLengteAsync(string code)
    {
        await using var session = App.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(code, token: Ct)).Count;
    }
}
