using System.Net;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>The role rules: only types the role may read, an OD only about itself, no widening filters, ODNL only its schemes' requests.</summary>
public sealed class ToegangTests(NotificatiesFixture fixture) : NotificatiesTest(fixture)
{
    [Fact]
    public async Task een_rol_abonneert_zich_niet_op_wat_hij_niet_mag_lezen()
    {
        var voor = await App.EventCountAsync(Ct);
        var (_, url, _) = Ontvanger.NieuwPad();
        (await (await PostAsync("ipo", "/abonnementen", Abonnement(url, ["register", "subsidie"]))).AssertOngeldigAsync("types[1]"))
            .GetProperty("detail").GetString().AssertBevat("ipo");
        await (await PostAsync("vng", "/abonnementen", Abonnement(url, ["nl.robuustod.monitoring.escalatie-geopend.v1"]))).AssertOngeldigAsync("types[0]");
        await (await PostAsync("od-ODG", "/abonnementen", Abonnement(url, ["register"], new { subject = "ODX" }))).AssertOngeldigAsync("filters");
        await (await PostAsync("od-ODG", "/abonnementen", Abonnement(url, ["register"], new { niet = new { subject = "ODG" } }))).AssertOngeldigAsync("filters");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_omgevingsdienst_krijgt_alleen_gebeurtenissen_over_zichzelf()
    {
        var eigen = NieuweOd();
        var ander = NieuweOd();
        var (pad, url, _) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync($"od-{eigen}", url, ["register", "monitoring"]);
        var abonnement = await GetAsync($"od-{eigen}", $"/abonnementen/{id}");
        Assert.Equal((eigen, "od"), (abonnement.GetProperty("omgevingsdienst").GetString(), abonnement.GetProperty("rol").GetString()));
        await WijzigOdAsync(ander, "niet voor jou");
        await WijzigOdAsync(eigen, "voor jou");
        await PubliceerAsync("monitoring", "nl.robuustod.monitoring.escalatie-geopend.v1", ander, new
        {
            code = ander, id = $"{ander}-voortgang1-bestuurlijkGesprek", ronde = "voortgang1", stap = "bestuurlijkGesprek", regel = "r1", regelsVersie = 1,
            geopendOp = DateTimeOffset.UtcNow,
        });
        await PubliceerAsync("monitoring", "nl.robuustod.monitoring.escalatie-geopend.v1", eigen, new
        {
            code = eigen, id = $"{eigen}-voortgang1-bestuurlijkGesprek", ronde = "voortgang1", stap = "bestuurlijkGesprek", regel = "r1", regelsVersie = 1,
            geopendOp = DateTimeOffset.UtcNow,
        });
        var ontvangen = await WachtOpAsync(pad, 2);
        await Task.Delay(400, Ct);
        Assert.Equal(2, Ontvanger.Van(pad).Count);
        Assert.All(ontvangen, o => Assert.Equal(eigen, o.Subject));
        await (await (await Client($"od-{ander}")).GetAsync($"{Base}/abonnementen/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task odnl_krijgt_alleen_aanvragen_onder_haar_eigen_regeling()
    {
        var od = NieuweOd();
        var (odnl, urlOdnl, _) = Ontvanger.NieuwPad();
        var (eigenOd, urlOd, _) = Ontvanger.NieuwPad();
        var (ipo, urlIpo, _) = Ontvanger.NieuwPad();
        await AbonneerAsync("odnl", urlOdnl, ["subsidie"]);
        await AbonneerAsync($"od-{od}", urlOd, ["subsidie"]);
        await AbonneerAsync("ipo", urlIpo, ["register"], new { omgevingsdienst = od });
        var (robuust, fusie) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        foreach (var (aanvraag, regeling) in new[] { (robuust, "robuustheidsbijdrage"), (fusie, "fusie-opsplitsing") })
        {
            await PubliceerAsync("subsidie", "nl.robuustod.subsidie.aanvraag-ingediend.v1", $"aanvraag-{aanvraag}", new
            {
                aanvraag, regeling, regelingVersie = 1, omgevingsdienst = od, aangevraagdBedrag = 1000.00m, ingediendOp = DateTimeOffset.UtcNow,
            });
            await PubliceerAsync("subsidie", "nl.robuustod.subsidie.subsidie-verleend.v1", $"aanvraag-{aanvraag}", new
            {
                aanvraag, bedrag = 1000.00m, perActiviteit = new[] { 1000.00m }, verleendOp = DateTimeOffset.UtcNow,
            });
        }

        await WachtOpAsync(eigenOd, 4);
        var voorOdnl = await WachtOpAsync(odnl, 2);
        await Task.Delay(400, Ct);
        Assert.Equal(2, Ontvanger.Van(odnl).Count);
        Assert.All(voorOdnl, o => Assert.Equal($"aanvraag-{robuust}", o.Subject));
        Assert.Empty(Ontvanger.Van(ipo));
    }
}

internal static class Tekst
{
    public static void AssertBevat(this string? tekst, string deel) => Assert.Contains(deel, tekst ?? "", StringComparison.Ordinal);
}
