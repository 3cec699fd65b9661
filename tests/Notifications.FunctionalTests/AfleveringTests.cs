using System.Net.Http.Json;
using RobuustOD.WebhookReceiver;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>What a subscriber receives: signed CloudEvents as received, filtered, in order per OD, authenticated.</summary>
public sealed class AfleveringTests(NotificatiesFixture fixture) : NotificatiesTest(fixture)
{
    [Fact]
    public async Task een_wijziging_komt_ondertekend_aan_als_de_cloudevent_zoals_ontvangen()
    {
        var od = NieuweOd();
        var (pad, url, _) = Ontvanger.NieuwPad();
        var (_, geheim) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        var id = await PubliceerAsync("register", Gewijzigd, od, new { code = od, naam = "Nieuwe naam", provincies = new[] { "Utrecht" }, aantalDeelnemers = 7 }, sequence: 4242);
        var ontvangen = Assert.Single(await WachtOpAsync(pad, 1));
        Assert.Equal(id, ontvangen.Id);
        var check = new WebhookDeduplicator().Check(new WebhookVerifier(geheim), ontvangen.Id, ontvangen.Timestamp, ontvangen.Signature, ontvangen.Body);
        Assert.Equal(WebhookVerdict.Accepted, check.Verdict);
        var ce = ontvangen.CloudEvent;
        Assert.Equal((id, Gewijzigd, od), (ce.GetProperty("id").GetString(), ce.GetProperty("type").GetString(), ce.GetProperty("subject").GetString()));
        Assert.Equal("urn:nld:oin:00000000000000000000:systeem:robuustod-register", ce.GetProperty("source").GetString());
        Assert.Equal("0000000000000004242", ce.GetProperty("sequence").GetString());
        Assert.Equal("application/json", ce.GetProperty("datacontenttype").GetString());
        Assert.Equal(7, ce.GetProperty("data").GetProperty("aantalDeelnemers").GetInt32());
        Assert.False(new WebhookVerifier(RobuustOD.Notifications.Abonnementen.Abonnementsgeheim.Nieuw())
            .Verify(ontvangen.Id, ontvangen.Timestamp, ontvangen.Signature, ontvangen.Body).Process);
    }

    [Fact]
    public async Task na_rotatie_gelden_beide_geheimen_tot_de_overgang_voorbij_is()
    {
        var od = NieuweOd();
        var (pad, url, _) = Ontvanger.NieuwPad();
        var (id, oud) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        var rotatie = await (await PostAsync("ipo", $"/abonnementen/{id}/geheim/rotatie", new { gracePeriodeMinuten = 60 })).AssertJsonAsync();
        var nieuw = rotatie.GetProperty("geheim").GetString()!;
        Assert.NotEqual(oud, nieuw);
        await WijzigOdAsync(od, "na rotatie");
        var tijdens = Assert.Single(await WachtOpAsync(pad, 1));
        Assert.Equal(2, tijdens.Signature!.Split(' ').Length);
        Assert.True(new WebhookVerifier(oud).Verify(tijdens.Id, tijdens.Timestamp, tijdens.Signature, tijdens.Body).Process);
        Assert.True(new WebhookVerifier(nieuw).Verify(tijdens.Id, tijdens.Timestamp, tijdens.Signature, tijdens.Body).Process);

        // A rotation without grace period: only the newest secret signs.
        var direct = (await (await PostAsync("ipo", $"/abonnementen/{id}/geheim/rotatie", new { gracePeriodeMinuten = 0 })).AssertJsonAsync())
            .GetProperty("geheim").GetString()!;
        await WijzigOdAsync(od, "na de overgang");
        var daarna = (await WachtOpAsync(pad, 2))[1];
        Assert.Single(daarna.Signature!.Split(' '));
        Assert.True(new WebhookVerifier(direct).Verify(daarna.Id, daarna.Timestamp, daarna.Signature, daarna.Body).Process);
        Assert.False(new WebhookVerifier(nieuw).Verify(daarna.Id, daarna.Timestamp, daarna.Signature, daarna.Body).Process);
    }

    [Fact]
    public async Task filters_op_type_od_en_source()
    {
        var (odA, odB) = (NieuweOd(), NieuweOd());
        var (alleenA, urlA, _) = Ontvanger.NieuwPad();
        var (zelftoets, urlZ, _) = Ontvanger.NieuwPad();
        var (eenVan, urlE, _) = Ontvanger.NieuwPad();
        var (andereBron, urlB, _) = Ontvanger.NieuwPad();
        await AbonneerAsync("ipo", urlA, ["register"], new { subject = odA });
        await AbonneerAsync("ipo", urlZ, ["nl.robuustod.register.zelftoets-vastgelegd.v1"], new { eenVan = new object[] { new { subject = odA }, new { subject = odB } } });
        await AbonneerAsync("vng", urlE, ["register"], new { alle = new object[] { new { eenVan = new object[] { new { subject = odA }, new { omgevingsdienst = odB } } }, new { niet = new { subject = odB } } } });
        await AbonneerAsync("ienw", urlB, ["register"], new { alle = new object[] { new { subject = odA }, new { source = "urn:nld:oin:00000000000000000000:systeem:iets-anders" } } });

        await WijzigOdAsync(odA, "A1");
        await WijzigOdAsync(odB, "B1");
        await PubliceerAsync("register", "nl.robuustod.register.zelftoets-vastgelegd.v1", odB, new { code = odB, robuust = true, beoordeeldOp = "2023-10-01" });
        await WijzigOdAsync(odA, "A2");

        Assert.Equal(["A1", "A2"], (await WachtOpAsync(alleenA, 2)).Select(o => o.Naam));
        Assert.Equal([odB], (await WachtOpAsync(zelftoets, 1)).Select(o => o.Subject));
        Assert.Equal(["A1", "A2"], (await WachtOpAsync(eenVan, 2)).Select(o => o.Naam));
        await Task.Delay(500, Ct);
        Assert.Equal(2, Ontvanger.Van(alleenA).Count);
        Assert.Single(Ontvanger.Van(zelftoets));
        Assert.Equal(2, Ontvanger.Van(eenVan).Count);
        Assert.Empty(Ontvanger.Van(andereBron));
    }

    [Fact]
    public async Task op_volgorde_per_od_terwijl_ods_parallel_lopen()
    {
        var ods = Enumerable.Range(0, 4).Select(_ => NieuweOd()).ToArray();
        var (pad, url, gedrag) = Ontvanger.NieuwPad();
        await AbonneerAsync("ienw", url, ["register"], new { eenVan = ods.Select(o => new { subject = o }).ToArray() });
        gedrag.Vertraging = TimeSpan.FromMilliseconds(30);
        const int PerOd = 10;
        await Task.WhenAll(ods.Select(async od =>
        {
            for (var i = 0; i < PerOd; i++)
            {
                await WijzigOdAsync(od, $"{od}-{i:D2}");
            }
        }));
        var ontvangen = await WachtOpAsync(pad, ods.Length * PerOd);
        Assert.Equal(ods.Length * PerOd, ontvangen.Select(o => o.Id).Distinct().Count());
        foreach (var od in ods)
        {
            Assert.Equal(Enumerable.Range(0, PerOd).Select(i => $"{od}-{i:D2}"), ontvangen.Where(o => o.Subject == od).Select(o => o.Naam));
        }

        // Parallel across ODs: with 30 ms per delivery, one after the other would take 40 x 30 ms; ODs overlap in time.
        var eersteLaatste = ods.Select(od => (Eerste: ontvangen.First(o => o.Subject == od).Op, Laatste: ontvangen.Last(o => o.Subject == od).Op)).ToList();
        Assert.True(eersteLaatste.Count(a => eersteLaatste.Any(b => b != a && b.Eerste < a.Laatste && a.Eerste < b.Laatste)) >= 2,
            "de ODs werden niet tegelijk afgeleverd");
    }

    [Fact]
    public async Task statische_authorization_en_oauth2_client_credentials()
    {
        var od = NieuweOd();
        var (statisch, urlS, _) = Ontvanger.NieuwPad();
        var (oauth, urlO, _) = Ontvanger.NieuwPad();
        await AbonneerAsync("ipo", urlS, ["register"], new { subject = od }, new { soort = "statisch", authorization = "Bearer vast-token" });
        var tokenUrl = new Uri(Ontvanger.Basis, "token").ToString();
        var (idO, _) = await AbonneerAsync("ipo", urlO, ["register"], new { subject = od },
            new { soort = "oauth2", tokenUrl, clientId = "robuustod", clientSecret = "geheim", scope = "webhooks" });
        await WijzigOdAsync(od, "met authenticatie");
        Assert.Equal("Bearer vast-token", (await WachtOpAsync(statisch, 1))[0].Authorization);
        Assert.StartsWith("Bearer token-", (await WachtOpAsync(oauth, 1))[0].Authorization, StringComparison.Ordinal);
        Assert.Contains(Ontvanger.Tokenverzoeken, t => t == "Basic " + Convert.ToBase64String("robuustod:geheim"u8.ToArray()));
        var abonnement = await GetAsync("ipo", $"/abonnementen/{idO}");
        Assert.Equal("oauth2", abonnement.GetProperty("authenticatie").GetProperty("soort").GetString());
        Assert.DoesNotContain("geheim\"", abonnement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task informatiearm_zonder_data_met_een_verwijzing()
    {
        var od = NieuweOd();
        var (pad, url, _) = Ontvanger.NieuwPad();
        await AbonneerAsync("ipo", url, ["register"], new { subject = od }, informatiearm: true);
        await WijzigOdAsync(od, "arm");
        var ce = (await WachtOpAsync(pad, 1))[0].CloudEvent;
        Assert.False(ce.TryGetProperty("data", out _));
        Assert.Equal($"https://api.example.nl/register/v1/omgevingsdiensten/{od}", ce.GetProperty("dataref").GetString());
    }

    [Fact]
    public async Task dezelfde_gebeurtenis_twee_keer_bezorgd_door_de_backbone_gaat_een_keer_uit()
    {
        var od = NieuweOd();
        var (pad, url, _) = Ontvanger.NieuwPad();
        await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        var cloudEvent = new
        {
            specversion = "1.0", id = Guid.NewGuid().ToString(), source = "urn:nld:oin:00000000000000000000:systeem:robuustod-register", type = Gewijzigd,
            subject = od, datacontenttype = "application/json", data = new { code = od, naam = "eens", provincies = new[] { "Utrecht" }, aantalDeelnemers = (int?)null },
        };
        using var client = App.SidecarClient();
        for (var i = 0; i < 2; i++)
        {
            using var content = JsonContent.Create(cloudEvent, new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json"));
            (await client.PostAsync("/events/register", content, Ct)).EnsureSuccessStatusCode();
        }

        await WachtOpAsync(pad, 1);
        await Task.Delay(500, Ct);
        Assert.Single(Ontvanger.Van(pad));
    }
}
