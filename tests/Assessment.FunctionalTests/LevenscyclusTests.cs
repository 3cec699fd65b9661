using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// An assessment's life: the assessor drafts (internal), IenW publishes version 1 (visible to the OD and the partners),
/// and revises it into new versions that keep the old ones, each step in the dossier's history.
/// </summary>
public sealed class LevenscyclusTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private async Task<HttpStatusCode> StatusAsync(string? clientId, string url)
    {
        using var client = await Als(clientId);
        using var response = await client.GetAsync(url, Ct);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> HerzieAsync(string id, object herziening)
    {
        using var client = await Ienw();
        return await client.PostAsJsonAsync($"{Base}/beoordelingen/{id}/herzieningen", herziening, Ct);
    }

    private static JsonElement RijVan(JsonElement beoordeling, int nummer) =>
        beoordeling.GetProperty("criteria").EnumerateArray().Single(r => r.GetProperty("nummer").GetInt32() == nummer);

    [Fact]
    public async Task de_beoordelaar_stelt_een_concept_op_dat_alleen_ienw_en_de_beoordelaar_zien()
    {
        var ronde = NieuweRonde();
        using var beoordelaar = await Beoordelaar();
        using var aangemaakt = await beoordelaar.PostAsJsonAsync($"{Base}/beoordelingen",
            new { omgevingsdienst = "ODG", ronde, planVanAanpak = (Guid?)null }, Ct);
        var concept = await aangemaakt.AssertJsonAsync(HttpStatusCode.Created);
        var id = concept.GetProperty("id").GetString()!;
        Assert.Equal($"ODG-{ronde}", id);
        Assert.Equal($"{Base}/beoordelingen/{id}", aangemaakt.Headers.Location?.OriginalString);
        Assert.Equal("concept", concept.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, concept.GetProperty("versie").ValueKind);

        await ScoorAsync(id, 1, Rij(haalbaarheid: null, staatInPva: 1));
        var metRij = await ScoorAsync(id, 7, Rij(haalbaarheid: 3));
        var rij = RijVan(metRij, 7);
        Assert.Equal("rood", rij.GetProperty("haalbaarheidKleur").GetString());
        Assert.Equal("staat in het plan van aanpak", rij.GetProperty("staatInPvaBetekenis").GetString());
        var metOordeel = await LegOordeelVastAsync(id, "nietZelfstandigRobuust", "Een concreet plan ontbreekt.");
        Assert.Equal("nietZelfstandigRobuust", metOordeel.GetProperty("oordeel").GetString());
        Assert.Equal([1, 7], metOordeel.GetProperty("criteria").EnumerateArray().Select(r => r.GetProperty("nummer").GetInt32()));

        var url = $"{Base}/beoordelingen/{id}";
        foreach (var clientId in new[] { "od-ODG", "ipo", "vng", "odnl", "od-FUMO" })
        {
            Assert.True(await StatusAsync(clientId, url) == HttpStatusCode.NotFound, $"{clientId} sees the draft");
            Assert.True(await StatusAsync(clientId, $"{url}/versies") == HttpStatusCode.NotFound, $"{clientId} sees the draft's versions");
            var gezocht = await GetJsonAsync($"{Base}/beoordelingen?omgevingsdienst=ODG&ronde={ronde}", clientId);
            Assert.Empty(gezocht.GetProperty("items").EnumerateArray());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(null, url));
        foreach (var clientId in new[] { "ienw", "beoordelaar" })
        {
            var gezien = await GetJsonAsync(url, clientId);
            Assert.Equal("concept", gezien.GetProperty("status").GetString());
            Assert.Single(gezien.GetProperty("tekortkomingen").EnumerateArray());
            var gezocht = await GetJsonAsync($"{Base}/beoordelingen?omgevingsdienst=ODG&ronde={ronde}", clientId);
            Assert.Single(gezocht.GetProperty("items").EnumerateArray());
        }
    }

    [Fact]
    public async Task de_beoordelaar_publiceert_niet_en_zonder_oordeel_publiceert_niemand()
    {
        var id = await MaakConceptAsync();
        await ScoorAsync(id, 7);
        var voor = await EventCountAsync();

        using var beoordelaar = await Beoordelaar();
        using var doorBeoordelaar = await beoordelaar.PostAsync($"{Base}/beoordelingen/{id}/publicatie", null, Ct);
        await doorBeoordelaar.AssertProblemAsync(HttpStatusCode.Forbidden);

        using var ienw = await Ienw();
        using var zonderOordeel = await ienw.PostAsync($"{Base}/beoordelingen/{id}/publicatie", null, Ct);
        await zonderOordeel.AssertOngeldigAsync("oordeel");

        Assert.Equal(voor, await EventCountAsync());
        Assert.Equal("concept", (await GetJsonAsync($"{Base}/beoordelingen/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ienw_publiceert_versie_1_voor_de_od_en_de_partners_maar_niet_voor_een_andere_od()
    {
        var id = await MaakConceptAsync();
        await ScoorAsync(id, 7, Rij(haalbaarheid: 3));
        await LegOordeelVastAsync(id);

        var gepubliceerd = await PubliceerAsync(id);

        Assert.Equal("gepubliceerd", gepubliceerd.GetProperty("status").GetString());
        Assert.Equal(1, gepubliceerd.GetProperty("versie").GetInt32());
        Assert.Equal("ienw", gepubliceerd.GetProperty("vastgesteldDoor").GetString());
        var url = $"{Base}/beoordelingen/{id}";
        foreach (var clientId in new[] { "od-ODG", "ipo", "vng", "odnl", "beoordelaar" })
        {
            var gezien = await GetJsonAsync(url, clientId);
            Assert.Equal(1, gezien.GetProperty("versie").GetInt32());
            Assert.Equal("nietZelfstandigRobuust", gezien.GetProperty("oordeel").GetString());
            Assert.Equal(3, RijVan(gezien, 7).GetProperty("haalbaarheid").GetInt32());
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("od-FUMO", url));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("od-FUMO", $"{url}/versies"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(null, url));
        Assert.Empty((await GetJsonAsync($"{Base}/beoordelingen?omgevingsdienst=ODG", "od-FUMO")).GetProperty("items").EnumerateArray());
        Assert.Contains((await GetJsonAsync($"{Base}/beoordelingen", "od-ODG")).GetProperty("items").EnumerateArray(),
            b => b.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task een_gepubliceerde_beoordeling_wijzigt_alleen_met_een_herziening()
    {
        var id = await GepubliceerdeBeoordelingAsync();
        var voor = await EventCountAsync();

        using var beoordelaar = await Beoordelaar();
        using var scoren = await beoordelaar.PutAsJsonAsync($"{Base}/beoordelingen/{id}/criteria/7", Rij(haalbaarheid: 1), Ct);
        await scoren.AssertProblemAsync(HttpStatusCode.Conflict);
        using var oordeel = await beoordelaar.PutAsJsonAsync($"{Base}/beoordelingen/{id}/oordeel",
            new { oordeel = "robuust", tekortkomingen = Array.Empty<string>(), gesprekOp = (string?)null, opmerkingen = (string?)null, geadresseerde = (string?)null }, Ct);
        await oordeel.AssertProblemAsync(HttpStatusCode.Conflict);
        using var ienw = await Ienw();
        using var nogmaals = await ienw.PostAsync($"{Base}/beoordelingen/{id}/publicatie", null, Ct);
        await nogmaals.AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(voor, await EventCountAsync());
        Assert.Equal(3, RijVan(await GetJsonAsync($"{Base}/beoordelingen/{id}", "od-ODG"), 7).GetProperty("haalbaarheid").GetInt32());
    }

    [Fact]
    public async Task een_herziening_maakt_versie_2_en_bewaart_versie_1()
    {
        var id = await GepubliceerdeBeoordelingAsync();
        var url = $"{Base}/beoordelingen/{id}";
        var rij7 = new { nummer = 7, specifiekeVraag = (string?)null, maatregel = "Een maatregel uit het plan.", duiding = "De duiding van de beoordelaar.", bronnen = new[] { "PvA (blz 1)" }, staatInPva = 0, haalbaarheid = 2 };
        var voor = await EventCountAsync();

        using (var zonderReden = await HerzieAsync(id, new { oordeel = "nietRobuust", criteria = new[] { rij7 } }))
        {
            await zonderReden.AssertOngeldigAsync("reden");
        }

        using (var legeReden = await HerzieAsync(id, new { reden = "  ", oordeel = "nietRobuust" }))
        {
            await legeReden.AssertOngeldigAsync("reden");
        }

        using (var doorBeoordelaar = await Beoordelaar())
        using (var geweigerd = await doorBeoordelaar.PostAsJsonAsync($"{url}/herzieningen", new { reden = "Na het gesprek", oordeel = "nietRobuust" }, Ct))
        {
            await geweigerd.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(voor, await EventCountAsync());

        using var herzien = await HerzieAsync(id, new { reden = "Na het gesprek op 20 november 2024", oordeel = "nietRobuust", criteria = new[] { rij7 } });

        var versie2 = await herzien.AssertJsonAsync();
        Assert.Equal(2, versie2.GetProperty("versie").GetInt32());
        Assert.Equal("nietRobuust", versie2.GetProperty("oordeel").GetString());
        Assert.Equal("Na het gesprek op 20 november 2024", versie2.GetProperty("reden").GetString());
        Assert.Equal(2, RijVan(versie2, 7).GetProperty("haalbaarheid").GetInt32());
        Assert.Equal("oranje", RijVan(versie2, 7).GetProperty("haalbaarheidKleur").GetString());
        // The revision, its verdict notice and the changed traffic light of row 7.
        Assert.Equal(voor + 3, await EventCountAsync());

        var huidig = await GetJsonAsync(url, "od-ODG");
        Assert.Equal(2, huidig.GetProperty("versie").GetInt32());
        Assert.Equal("nietRobuust", huidig.GetProperty("oordeel").GetString());
        var versie1 = await GetJsonAsync($"{url}?versie=1", "od-ODG");
        Assert.Equal(1, versie1.GetProperty("versie").GetInt32());
        Assert.Equal("nietZelfstandigRobuust", versie1.GetProperty("oordeel").GetString());
        Assert.Equal(3, RijVan(versie1, 7).GetProperty("haalbaarheid").GetInt32());
        Assert.Equal("rood", RijVan(versie1, 7).GetProperty("haalbaarheidKleur").GetString());
        Assert.Equal(JsonValueKind.Null, versie1.GetProperty("reden").ValueKind);

        var versies = (await GetJsonAsync($"{url}/versies", "ipo")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], versies.Select(v => v.GetProperty("versie").GetInt32()));
        Assert.All(versies, v => Assert.Equal("ienw", v.GetProperty("door").GetString()));
        Assert.All(versies, v => Assert.True(v.GetProperty("op").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(JsonValueKind.Null, versies[0].GetProperty("reden").ValueKind);
        Assert.Equal("Na het gesprek op 20 november 2024", versies[1].GetProperty("reden").GetString());
        Assert.True(versies[1].GetProperty("op").GetDateTimeOffset() >= versies[0].GetProperty("op").GetDateTimeOffset());

        var verschil = (await GetJsonAsync($"{url}/verschillen?van=1&naar=2", "vng")).GetProperty("verschil");
        Assert.Equal("nietZelfstandigRobuust", verschil.GetProperty("oordeel").GetProperty("oud").GetString());
        Assert.Equal("nietRobuust", verschil.GetProperty("oordeel").GetProperty("nieuw").GetString());
        foreach (var ongewijzigd in new[] { "tekortkomingen", "gesprekOp", "opmerkingen" })
        {
            Assert.Equal(JsonValueKind.Null, verschil.GetProperty(ongewijzigd).ValueKind);
        }

        var rij = Assert.Single(verschil.GetProperty("criteria").EnumerateArray());
        Assert.Equal(7, rij.GetProperty("nummer").GetInt32());
        Assert.Equal(3, rij.GetProperty("haalbaarheid").GetProperty("oud").GetInt32());
        Assert.Equal(2, rij.GetProperty("haalbaarheid").GetProperty("nieuw").GetInt32());
        Assert.False(rij.GetProperty("toegevoegd").GetBoolean());
        Assert.False(rij.GetProperty("vervallen").GetBoolean());
        foreach (var ongewijzigd in new[] { "staatInPva", "specifiekeVraag", "maatregel", "duiding", "bronnen" })
        {
            Assert.Equal(JsonValueKind.Null, rij.GetProperty(ongewijzigd).ValueKind);
        }

        var tussen = await EventCountAsync();
        using var nietsNieuws = await HerzieAsync(id, new { reden = "Nogmaals", oordeel = "nietRobuust", criteria = new[] { rij7 } });
        await nietsNieuws.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(tussen, await EventCountAsync());
    }

    [Fact]
    public async Task een_concept_herzien_kan_niet()
    {
        var id = await MaakConceptAsync();
        await LegOordeelVastAsync(id);
        var voor = await EventCountAsync();

        using var response = await HerzieAsync(id, new { reden = "Te vroeg", oordeel = "robuust" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task twee_gelijktijdige_wijzigingen_met_dezelfde_if_match_daarvan_slaagt_er_een()
    {
        var id = await MaakConceptAsync();
        using var beoordelaar = await Beoordelaar();
        using var opgehaald = await beoordelaar.GetAsync($"{Base}/beoordelingen/{id}", Ct);
        var etag = opgehaald.Headers.ETag!;
        var voor = await EventCountAsync();

        async Task<HttpStatusCode> ScoorMetIfMatchAsync(int haalbaarheid)
        {
            using var client = await Beoordelaar();
            using var request = new HttpRequestMessage(HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/7")
            {
                Content = JsonContent.Create(Rij(haalbaarheid: haalbaarheid)),
            };
            request.Headers.IfMatch.Add(etag);
            using var response = await client.SendAsync(request, Ct);
            return response.StatusCode;
        }

        var statussen = await Task.WhenAll(ScoorMetIfMatchAsync(1), ScoorMetIfMatchAsync(3));

        Assert.Single(statussen, s => s == HttpStatusCode.OK);
        Assert.Single(statussen, s => s is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict);
        Assert.Equal(voor + 1, await EventCountAsync());

        // And once more with the now stale tag: 412, nothing appended.
        Assert.Equal(HttpStatusCode.PreconditionFailed, await ScoorMetIfMatchAsync(2));
        Assert.Equal(voor + 1, await EventCountAsync());
    }

    [Fact]
    public async Task de_historie_noemt_elke_gebeurtenis_met_wie_hem_vastlegde()
    {
        var id = await GepubliceerdeBeoordelingAsync(Register.Fumo);
        using (var herzien = await HerzieAsync(id, new { reden = "Na het gesprek", oordeel = "nietRobuust" }))
        {
            await herzien.AssertJsonAsync();
        }

        var historie = await GetJsonAsync($"{Base}/omgevingsdiensten/FUMO/historie", "beoordelaar");

        Assert.Equal("FUMO", historie.GetProperty("omgevingsdienst").GetString());
        var gebeurtenissen = historie.GetProperty("gebeurtenissen").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, gebeurtenissen.Count), gebeurtenissen.Select(g => g.GetProperty("versie").GetInt32()));
        var perType = gebeurtenissen.Select(g => (Type: g.GetProperty("type").GetString()!, Door: g.GetProperty("door").GetString())).ToList();
        // Created, four rows and the verdict by the assessor; publication and revision (with its verdict notice) by IenW.
        Assert.Equal(["beoordelaar", "beoordelaar", "beoordelaar", "beoordelaar", "beoordelaar", "beoordelaar", "ienw", "ienw", "ienw"],
            perType.Select(p => p.Door));
        // The one history shape of every service: kebab-case names as the contracts spell them, stored moments in UTC.
        Assert.Equal(["beoordeling-aangemaakt", "criterium-gescoord", "criterium-gescoord", "criterium-gescoord", "criterium-gescoord",
            "oordeel-vastgelegd", "beoordeling-gepubliceerd", "beoordeling-herzien", "oordeel-herzien"], perType.Select(p => p.Type));
        Assert.All(gebeurtenissen, g => Assert.EndsWith("Z", g.GetProperty("geregistreerdOp").GetString(), StringComparison.Ordinal));
        Assert.All(gebeurtenissen, g => Assert.Equal(TimeSpan.Zero, g.GetProperty("geregistreerdOp").GetDateTimeOffset().Offset));
        Assert.Equal("nietRobuust", gebeurtenissen[8].GetProperty("gegevens").GetProperty("nieuw").GetString());

        foreach (var clientId in new[] { "od-FUMO", "ipo" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(clientId, $"{Base}/omgevingsdiensten/FUMO/historie"));
        }
    }

    [Fact]
    public async Task de_links_van_een_beoordeling_leiden_naar_bestaande_resources()
    {
        var id = await GepubliceerdeBeoordelingAsync();
        var beoordeling = await GetJsonAsync($"{Base}/beoordelingen/{id}");
        var links = beoordeling.GetProperty("_links");

        foreach (var link in new[] { "self", "versies", "historie" })
        {
            var href = links.GetProperty(link).GetProperty("href").GetString()!;
            Assert.True(await StatusAsync("ienw", href) == HttpStatusCode.OK, $"_links.{link} ({href}) does not lead to a resource");
        }
    }
}
