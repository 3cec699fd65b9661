using RobuustOD.Notifications.Abonnementen;
using RobuustOD.Notifications.Afleveringen;

namespace RobuustOD.Notifications.DecisionTests;

public sealed class HerhaalbeleidTests
{
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly NotificatieOptions Opties = new()
    {
        Herhaalschema = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)],
        Jitter = 0.1,
        MaxRetryAfter = TimeSpan.FromHours(1),
        OpschortenNa = TimeSpan.FromDays(5),
    };

    private static Aflevering Na(int pogingen, DateTimeOffset? faaltSinds = null) => new() { AantalPogingen = pogingen, FaaltSinds = faaltSinds };

    [Fact]
    public void het_standaardschema_beslaat_ten_minste_drie_dagen()
    {
        var opties = new NotificatieOptions();
        Assert.True(opties.Schema.Aggregate(TimeSpan.Zero, (a, b) => a + b) >= TimeSpan.FromDays(3));
        Assert.Equal(TimeSpan.FromSeconds(5), opties.Schema[0]);
        Assert.Equal(3, Opties.Schema.Count);
    }

    [Fact]
    public void een_2xx_is_afgeleverd() =>
        Assert.Equal(Besluit.Afgeleverd, Herhaalbeleid.Beslis(Na(2), new Uitkomst(204, null), Nu, Opties, 0.5).Besluit);

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 300)]
    [InlineData(2, 1800)]
    public void het_schema_bepaalt_de_wachttijd(int eerder, int seconden)
    {
        var volgende = Herhaalbeleid.Beslis(Na(eerder), new Uitkomst(500, null), Nu, Opties, 0.5);
        Assert.Equal(Besluit.Opnieuw, volgende.Besluit);
        Assert.Equal(Nu.AddSeconds(seconden), volgende.Op);
    }

    [Fact]
    public void jitter_blijft_binnen_de_marge()
    {
        var laag = Herhaalbeleid.Beslis(Na(1), new Uitkomst(null, null), Nu, Opties, 0.0).Op - Nu;
        var hoog = Herhaalbeleid.Beslis(Na(1), new Uitkomst(null, null), Nu, Opties, 0.999999).Op - Nu;
        Assert.Equal(TimeSpan.FromSeconds(270), laag);
        Assert.InRange(hoog.TotalSeconds, 329.9, 330);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void retry_after_wordt_gevolgd_en_begrensd(int status)
    {
        Assert.Equal(Nu.AddSeconds(42), Herhaalbeleid.Beslis(Na(1), new Uitkomst(status, TimeSpan.FromSeconds(42)), Nu, Opties, 0.5).Op);
        Assert.Equal(Nu.AddHours(1), Herhaalbeleid.Beslis(Na(1), new Uitkomst(status, TimeSpan.FromDays(3)), Nu, Opties, 0.5).Op);
    }

    [Fact]
    public void retry_after_bij_een_500_telt_niet() =>
        Assert.Equal(Nu.AddMinutes(5), Herhaalbeleid.Beslis(Na(1), new Uitkomst(500, TimeSpan.FromSeconds(1)), Nu, Opties, 0.5).Op);

    [Fact]
    public void na_de_laatste_stap_mislukt() =>
        Assert.Equal(Besluit.Mislukt, Herhaalbeleid.Beslis(Na(3), new Uitkomst(500, null), Nu, Opties, 0.5).Besluit);

    [Fact]
    public void een_410_schakelt_uit() =>
        Assert.Equal(Besluit.Uitschakelen, Herhaalbeleid.Beslis(Na(0), new Uitkomst(410, null), Nu, Opties, 0.5).Besluit);

    [Fact]
    public void na_n_dagen_falen_opschorten()
    {
        Assert.False(Herhaalbeleid.Beslis(Na(1, Nu.AddDays(-4)), new Uitkomst(500, null), Nu, Opties, 0.5).Opschorten);
        Assert.True(Herhaalbeleid.Beslis(Na(1, Nu.AddDays(-5)), new Uitkomst(500, null), Nu, Opties, 0.5).Opschorten);
    }

    private static Abonnement Actief() => Abonnement.Create(new AbonnementAangemaakt("a", "ipo", null,
        new Instellingen("https://x.example.nl", ["register"], null, Authenticatiesoort.Geen, null, "beheer@ipo.nl", "ipo-1", false), null, Nu));

    [Fact]
    public void mislukt_markeert_en_alarmeert_met_het_contact()
    {
        var aflevering = new Aflevering { Id = "a-1", AbonnementId = "a", GebeurtenisId = "e1", Type = "t", Onderwerp = "ODG", AantalPogingen = 3 };
        var poging = new Poging(Nu, 500, 12, "kapot", null);
        var volgende = new Volgende(Besluit.Mislukt, Nu, false);
        Gevolgen.VoorAflevering(aflevering, poging, volgende);
        Assert.Equal(Aflevering.Mislukt, aflevering.Status);
        Assert.Equal(4, aflevering.AantalPogingen);
        var e = Assert.IsType<AfleveringMislukt>(Assert.Single(Gevolgen.VoorAbonnement(Actief(), aflevering, poging, volgende)));
        Assert.Equal(("beheer@ipo.nl", "ipo-1", 500, 4), (e.Contact, e.Abonneereferentie, e.LaatsteStatus, e.Pogingen));
    }

    [Fact]
    public void gone_schakelt_uit_maar_de_aflevering_blijft_wachten()
    {
        var aflevering = new Aflevering { Id = "a-1", AantalPogingen = 0 };
        var poging = new Poging(Nu, 410, 3, null, null);
        var volgende = new Volgende(Besluit.Uitschakelen, Nu, false);
        Gevolgen.VoorAflevering(aflevering, poging, volgende);
        Assert.Equal(Aflevering.Wachtend, aflevering.Status);
        Assert.Equal(0, aflevering.AantalPogingen);
        Assert.IsType<AbonnementUitgeschakeld>(Assert.Single(Gevolgen.VoorAbonnement(Actief(), aflevering, poging, volgende)));
        var gepauzeerd = Actief();
        gepauzeerd.Apply(new AbonnementGepauzeerd(Nu));
        Assert.Empty(Gevolgen.VoorAbonnement(gepauzeerd, aflevering, poging, volgende));
    }

    [Fact]
    public void herbezorgen_begint_het_schema_opnieuw_en_houdt_het_logboek()
    {
        var aflevering = new Aflevering { Status = Aflevering.Mislukt, AantalPogingen = 4, MisluktOp = Nu, Pogingen = [new Poging(Nu, 500, 1, null, null)] };
        aflevering.Herbezorg(Nu.AddHours(1));
        Assert.Equal((Aflevering.Wachtend, 0, 1, 1), (aflevering.Status, aflevering.AantalPogingen, aflevering.Herbezorgingen, aflevering.Pogingen.Count));
        Assert.Equal(Nu.AddHours(1), aflevering.VolgendePogingOp);
    }
}
