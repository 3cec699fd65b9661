using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>Creating a subscription: the handshake (accepted, refused, wrong origin, failing test event), the secret once, bad input, access.</summary>
public sealed class AbonnementTests(NotificatiesFixture fixture) : NotificatiesTest(fixture)
{
    [Fact]
    public async Task na_een_geslaagde_handdruk_is_het_abonnement_er_en_het_geheim_staat_eenmalig_in_het_antwoord()
    {
        var (pad, url, _) = Ontvanger.NieuwPad(g => g.AllowedRate = "600");
        using var response = await PostAsync("ipo", "/abonnementen", Abonnement(url, ["register"], new { subject = "ODG" }));
        var json = await response.AssertJsonAsync(HttpStatusCode.Created);
        var geheim = json.GetProperty("geheim").GetString()!;
        Assert.StartsWith("whsec_", geheim, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(geheim[6..]).Length);
        var abonnement = json.GetProperty("abonnement");
        var id = abonnement.GetProperty("id").GetString()!;
        Assert.Equal($"{Base}/abonnementen/{id}", response.Headers.Location!.ToString());
        Assert.Equal(600, abonnement.GetProperty("toegestaanTempo").GetInt32());
        Assert.Equal("actief", abonnement.GetProperty("status").GetString());

        // The handshake's test event arrived signed with that secret.
        var test = Assert.Single(Ontvanger.Van(pad, metTests: true));
        Assert.Equal("nl.robuustod.notificaties.test.v1", test.Type);
        var verifier = new RobuustOD.WebhookReceiver.WebhookVerifier(geheim);
        Assert.True(verifier.Verify(test.Id, test.Timestamp, test.Signature, test.Body).Process);

        using var client = await Client("ipo");
        using var get = await client.GetAsync($"{Base}/abonnementen/{id}", Ct);
        var gelezen = await get.AssertJsonAsync();
        Assert.NotNull(get.Headers.ETag);
        Assert.False(gelezen.TryGetProperty("geheim", out _));
        Assert.DoesNotContain(geheim, await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(id, (await GetAsync("ipo", "/abonnementen")).GetProperty("abonnementen").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task een_abonnee_die_de_validatie_weigert_krijgt_geen_abonnement_en_het_probleem_zegt_wat_hij_antwoordde()
    {
        var voor = await App.EventCountAsync(Ct);
        var (_, weigert, _) = Ontvanger.NieuwPad(g => g.OptionsStatus = 405);
        var geweigerd = await (await PostAsync("ipo", "/abonnementen", Abonnement(weigert, ["register"]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("405", geweigerd.GetProperty("detail").GetString(), StringComparison.Ordinal);
        geweigerd.AssertNoemt("sink");

        var (_, andereOrigin, _) = Ontvanger.NieuwPad(g => g.AllowedOrigin = "iemand-anders.example.nl");
        var origin = await (await PostAsync("ipo", "/abonnementen", Abonnement(andereOrigin, ["register"]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("iemand-anders.example.nl", origin.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (_, testFaalt, _) = Ontvanger.NieuwPad(g => g.Status = 500);
        var test = await (await PostAsync("ipo", "/abonnementen", Abonnement(testFaalt, ["register"]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("500", test.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("fout 500 van de ontvanger", test.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var niemand = await (await PostAsync("ipo", "/abonnementen", Abonnement("http://127.0.0.1:1/weg", ["register"]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("geen antwoord", niemand.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task onjuiste_invoer_is_400_met_elk_veld_en_er_wordt_niets_vastgelegd()
    {
        var voor = await App.EventCountAsync(Ct);
        using (var leeg = await PostAsync("ipo", "/abonnementen", new { }))
        {
            await leeg.AssertOngeldigAsync("sink", "types", "contact");
        }

        using (var fout = await PostAsync("ipo", "/abonnementen", new
               {
                   sink = "geen-url",
                   types = new[] { "" },
                   contact = "x",
                   filters = new { subject = "ODG", source = "urn:x" },
                   authenticatie = new { soort = "wachtwoord" },
               }))
        {
            await fout.AssertOngeldigAsync("sink", "types[0]", "filters", "authenticatie.soort");
        }

        using (var oauth = await PostAsync("ipo", "/abonnementen", Abonnement("https://x.example.nl", ["register"], authenticatie: new { soort = "oauth2" })))
        {
            await oauth.AssertOngeldigAsync("authenticatie.tokenUrl", "authenticatie.clientId", "authenticatie.clientSecret");
        }

        using (var onbekend = await PostAsync("ipo", "/abonnementen", new { sink = "https://x.example.nl", types = new[] { "register" }, contact = "c", status = "actief" }))
        {
            await onbekend.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var type = await PostAsync("ipo", "/abonnementen", Abonnement("https://x.example.nl", ["nl.robuustod.register.bestaat-niet.v1"])))
        {
            await type.AssertOngeldigAsync("types[0]");
        }

        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_ander_ziet_het_abonnement_niet_ienw_wel()
    {
        var (_, url, _) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("vng", url, ["register"], new { subject = NieuweOd() });
        using var ipo = await Client("ipo");
        await (await ipo.GetAsync($"{Base}/abonnementen/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PostAsync("ipo", $"/abonnementen/{id}/pauze")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(id, (await GetAsync("ienw", $"/abonnementen/{id}")).GetProperty("id").GetString());
        using var anoniem = await App.ClientAsync(null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anoniem.GetAsync($"{Base}/abonnementen/{id}", Ct)).StatusCode);
        await (await ipo.GetAsync($"{Base}/abonnementen/{new string('a', 5000)}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task pauzeren_hervatten_wijzigen_en_verwijderen()
    {
        var od = NieuweOd();
        var (pad, url, _) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        await (await PostAsync("ipo", $"/abonnementen/{id}/pauze")).AssertJsonAsync();
        await WijzigOdAsync(od, "tijdens de pauze");
        await Task.Delay(600, Ct);
        Assert.Empty(Ontvanger.Van(pad));
        Assert.Equal("wachtend", (await AfleveringenAsync("ipo", id))[0].GetProperty("status").GetString());
        var hervat = await (await PostAsync("ipo", $"/abonnementen/{id}/hervatting")).AssertJsonAsync();
        Assert.Equal("actief", hervat.GetProperty("status").GetString());
        Assert.Equal("tijdens de pauze", (await WachtOpAsync(pad, 1))[0].Naam);

        // A new sink passes the handshake again: one that refuses is 400 and nothing changes.
        using var client = await Client("ipo");
        var (_, weigert, _) = Ontvanger.NieuwPad(g => g.OptionsStatus = 403);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"{Base}/abonnementen/{id}") { Content = JsonContent.Create(new { sink = weigert }) };
        await (await client.SendAsync(patch, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var (_, nieuw, _) = Ontvanger.NieuwPad();
        using var oud = new HttpRequestMessage(HttpMethod.Patch, $"{Base}/abonnementen/{id}") { Content = JsonContent.Create(new { sink = nieuw }) };
        oud.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await client.SendAsync(oud, Ct)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        using var goed = new HttpRequestMessage(HttpMethod.Patch, $"{Base}/abonnementen/{id}") { Content = JsonContent.Create(new { sink = nieuw, contact = "ander@example.nl" }) };
        var gewijzigd = await (await client.SendAsync(goed, Ct)).AssertJsonAsync();
        Assert.Equal((nieuw, "ander@example.nl"), (gewijzigd.GetProperty("sink").GetString(), gewijzigd.GetProperty("contact").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Base}/abonnementen/{id}", Ct)).StatusCode);
        await (await client.GetAsync($"{Base}/abonnementen/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task een_wijziging_zonder_filters_houdt_het_filter_en_filters_null_verwijdert_het()
    {
        var (pad, url, _) = Ontvanger.NieuwPad();
        var (od, ander) = (NieuweOd(), NieuweOd());
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        using var client = await Client("ipo");

        async Task<System.Text.Json.JsonElement> PatchAsync(string json)
        {
            using var patch = new HttpRequestMessage(HttpMethod.Patch, $"{Base}/abonnementen/{id}")
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            return await (await client.SendAsync(patch, Ct)).AssertJsonAsync();
        }

        // Left out: the filter stays, and a change of another OD is not delivered.
        var behouden = await PatchAsync("""{"contact":"ander@example.nl"}""");
        Assert.Equal(od, behouden.GetProperty("filters").GetProperty("subject").GetString());
        await WijzigOdAsync(ander, "buiten het filter");

        // null: the filter is gone, and the next change of that other OD is delivered.
        var verwijderd = await PatchAsync("""{"filters":null}""");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, verwijderd.GetProperty("filters").ValueKind);
        Assert.Equal("ander@example.nl", verwijderd.GetProperty("contact").GetString());
        await WijzigOdAsync(ander, "zonder filter");
        var ontvangen = await WachtOpAsync(pad, 1);
        Assert.Equal(["zonder filter"], ontvangen.Select(o => o.Naam));
    }

    [Fact]
    public async Task een_testaflevering_op_verzoek_per_type()
    {
        var (pad, url, _) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = NieuweOd() });
        var test = await (await PostAsync("ipo", $"/abonnementen/{id}/test", new { type = Gewijzigd })).AssertJsonAsync();
        Assert.True(test.GetProperty("geslaagd").GetBoolean());
        Assert.Equal(200, test.GetProperty("status").GetInt32());
        Assert.Contains(Ontvanger.Van(pad, metTests: true), o => o.IsTest && o.Type == Gewijzigd);
        var ander = await (await PostAsync("ipo", $"/abonnementen/{id}/test", new { type = "nl.robuustod.beoordeling.oordeel-herzien.v1" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        ander.AssertNoemt("type");
    }
}
