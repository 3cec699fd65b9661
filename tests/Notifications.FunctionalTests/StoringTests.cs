using System.Diagnostics;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>Subscribers that are down, dead, gone or exhausted: nothing lost, nothing delayed for others, every failure kept and alerted.</summary>
public sealed class StoringTests(NotificatiesFixture fixture) : NotificatiesTest(fixture)
{
    [Fact]
    public async Task een_abonnee_die_even_plat_ligt_krijgt_daarna_alles_op_volgorde()
    {
        var ods = new[] { NieuweOd(), NieuweOd() };
        var (pad, url, gedrag) = Ontvanger.NieuwPad();
        await AbonneerAsync("ipo", url, ["register"], new { eenVan = ods.Select(o => new { subject = o }).ToArray() });
        gedrag.Status = 503;
        var gepubliceerd = 0;
        var storing = Stopwatch.StartNew();
        // Steady publishing during the simulated outage (the schedule is 0.2/0.3/0.4 s, so the outage outlasts several retries).
        while (storing.Elapsed < TimeSpan.FromSeconds(0.9))
        {
            await WijzigOdAsync(ods[gepubliceerd % 2], $"{ods[gepubliceerd % 2]}-{gepubliceerd:D3}");
            gepubliceerd++;
            await Task.Delay(20, Ct);
        }

        Assert.Empty(Ontvanger.Van(pad));
        gedrag.Status = 200;
        for (var i = 0; i < 10; i++, gepubliceerd++)
        {
            await WijzigOdAsync(ods[gepubliceerd % 2], $"{ods[gepubliceerd % 2]}-{gepubliceerd:D3}");
        }

        var ontvangen = await WachtOpAsync(pad, gepubliceerd, TimeSpan.FromSeconds(30));
        Assert.Equal(gepubliceerd, ontvangen.Select(o => o.Id).Distinct().Count());
        foreach (var od in ods)
        {
            var namen = ontvangen.Where(o => o.Subject == od).Select(o => o.Naam).ToList();
            Assert.Equal(namen.Order(StringComparer.Ordinal), namen);
        }
    }

    [Fact]
    public async Task een_dode_abonnee_houdt_een_gezonde_niet_op()
    {
        var od = NieuweOd();
        var (gezond, urlGezond, _) = Ontvanger.NieuwPad();
        var (dood, urlDood, gedragDood) = Ontvanger.NieuwPad();
        await AbonneerAsync("ipo", urlDood, ["register"], new { subject = od });
        await AbonneerAsync("ipo", urlGezond, ["register"], new { subject = od });
        // The dead one hangs longer than the attempt time-out (1.5 s) on every delivery.
        gedragDood.Vertraging = TimeSpan.FromSeconds(5);
        var vertragingen = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.StartNew();
            await WijzigOdAsync(od, $"gezond-{i}");
            await WachtOpAsync(gezond, i + 1);
            vertragingen.Add(start.Elapsed);
        }

        Assert.Empty(Ontvanger.Van(dood));
        Assert.True(vertragingen.Max() < TimeSpan.FromSeconds(1.2),
            $"de gezonde abonnee wachtte op de dode: {string.Join(", ", vertragingen.Select(v => $"{v.TotalMilliseconds:0} ms"))}");
        gedragDood.Vertraging = TimeSpan.Zero;
    }

    [Fact]
    public async Task na_de_laatste_poging_mislukt_gemarkeerd_gealarmeerd_en_bewaard()
    {
        var od = NieuweOd();
        var (_, url, gedrag) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        gedrag.Status = 500;
        var gebeurtenis = await WijzigOdAsync(od, "mislukt");
        JsonElementLijst mislukt = default;
        await Eventually.UntilAsync(async () => (mislukt = new(await AfleveringenAsync("ipo", id, "mislukt"))).Aantal == 1, TimeSpan.FromSeconds(20),
            () => "no failed delivery", Ct);
        var aflevering = mislukt.Eerste;
        Assert.Equal(gebeurtenis, aflevering.GetProperty("gebeurtenisId").GetString());
        Assert.Equal(4, aflevering.GetProperty("aantalPogingen").GetInt32());
        var pogingen = aflevering.GetProperty("pogingen").EnumerateArray().ToList();
        Assert.Equal(4, pogingen.Count);
        Assert.All(pogingen, p => Assert.Equal(500, p.GetProperty("status").GetInt32()));
        Assert.Contains("fout 500", pogingen[0].GetProperty("antwoord").GetString(), StringComparison.Ordinal);

        var abonnement = await GetAsync("ipo", $"/abonnementen/{id}");
        Assert.Equal(1, abonnement.GetProperty("aantalMislukt").GetInt32());
        Assert.Equal(gebeurtenis, abonnement.GetProperty("laatsteMislukking").GetProperty("gebeurtenisId").GetString());

        // The alert: an operational CloudEvent on the backbone (topic notificaties) for the contact.
        bool OverDeze(System.Text.Json.JsonElement a) => a.GetProperty("data").TryGetProperty("gebeurtenisId", out var g) && g.GetString() == gebeurtenis;
        await Eventually.UntilAsync(() => Ontvanger.Alarmen.Any(OverDeze), TimeSpan.FromSeconds(20), () => $"{Ontvanger.Alarmen.Count} alerts", Ct);
        var alarm = Ontvanger.Alarmen.First(OverDeze);
        Assert.Equal("nl.robuustod.notificaties.aflevering-mislukt.v1", alarm.GetProperty("type").GetString());
        Assert.Equal("beheer@ontvanger.example.nl", alarm.GetProperty("data").GetProperty("contact").GetString());
        Assert.Equal(500, alarm.GetProperty("data").GetProperty("laatsteStatus").GetInt32());

        // Kept: still listed later, and the next event for the OD is delivered once the subscriber is back.
        gedrag.Status = 200;
        Assert.Equal(1, new JsonElementLijst(await AfleveringenAsync("ipo", id, "mislukt")).Aantal);
    }

    [Fact]
    public async Task een_410_schakelt_het_abonnement_uit_en_niets_gaat_verloren()
    {
        var od = NieuweOd();
        var (pad, url, gedrag) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        gedrag.Status = 410;
        await WijzigOdAsync(od, "weg-1");
        await Eventually.UntilAsync(async () => (await GetAsync("ipo", $"/abonnementen/{id}")).GetProperty("status").GetString() == "uitgeschakeld",
            TimeSpan.FromSeconds(10), () => "not disabled", Ct);
        await WijzigOdAsync(od, "weg-2");
        gedrag.Status = 200;
        await (await PostAsync("ipo", $"/abonnementen/{id}/hervatting")).AssertJsonAsync();
        Assert.Equal(["weg-1", "weg-2"], (await WachtOpAsync(pad, 2)).Select(o => o.Naam));
    }

    [Fact]
    public async Task retry_after_bij_429_wordt_gevolgd()
    {
        var od = NieuweOd();
        var (pad, url, gedrag) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        gedrag.Status = 429;
        gedrag.RetryAfterSeconden = 2;
        await WijzigOdAsync(od, "later");
        await Eventually.UntilAsync(async () => (await AfleveringenAsync("ipo", id))[0].GetProperty("aantalPogingen").GetInt32() == 1,
            TimeSpan.FromSeconds(10), () => "no attempt", Ct);
        var aflevering = (await AfleveringenAsync("ipo", id))[0];
        var eerste = aflevering.GetProperty("pogingen")[0].GetProperty("op").GetDateTimeOffset();
        Assert.InRange((aflevering.GetProperty("volgendePogingOp").GetDateTimeOffset() - eerste).TotalSeconds, 1.9, 2.1);
        gedrag.Status = 200;
        await WachtOpAsync(pad, 1);
    }

    /// <summary>A JSON array with its count, for waiting on it.</summary>
    private readonly record struct JsonElementLijst(System.Text.Json.JsonElement Lijst)
    {
        public int Aantal => Lijst.ValueKind == System.Text.Json.JsonValueKind.Array ? Lijst.GetArrayLength() : 0;

        public System.Text.Json.JsonElement Eerste => Lijst[0];
    }
}
