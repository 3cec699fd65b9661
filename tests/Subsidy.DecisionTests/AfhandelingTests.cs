using RobuustOD.Domain;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Features;
using static RobuustOD.Subsidy.DecisionTests.Gegeven;

namespace RobuustOD.Subsidy.DecisionTests;

/// <summary>After the decision: the decision period, accountability, settlement, objection.</summary>
public sealed class AfhandelingTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void de_beslistermijn_schuift_op_met_elke_dag_dat_op_informatie_is_gewacht()
    {
        var regels = Regels() with { BeslistermijnWeken = 8 };
        var ingediend = Aanvraag(Opgesteld(), Ingediend(regels));
        Assert.Equal(new DateOnly(2025, 4, 28), ingediend.BeslistermijnUiterlijk(new DateOnly(2025, 3, 3)));

        var gevraagd = Aanvraag(Opgesteld(), Ingediend(regels), new InformatieGevraagd("Vraag", Nu.AddDays(7)));
        Assert.True(gevraagd.IsOpgeschort);
        Assert.Equal(new DateOnly(2025, 5, 3), gevraagd.BeslistermijnUiterlijk(new DateOnly(2025, 3, 15))); // 5 days paused so far

        var beantwoord = Aanvraag(Opgesteld(), Ingediend(regels), new InformatieGevraagd("Vraag", Nu.AddDays(7)), new InformatieAangeleverd("A", [], Nu.AddDays(17)));
        Assert.False(beantwoord.IsOpgeschort);
        Assert.Equal(new DateOnly(2025, 5, 8), beantwoord.BeslistermijnUiterlijk(new DateOnly(2025, 9, 1)));
        Assert.Null(Aanvraag(Opgesteld(), Ingediend()).BeslistermijnUiterlijk(new DateOnly(2025, 9, 1)));
    }

    [Fact]
    public void om_informatie_vragen_en_antwoorden()
    {
        var ingediend = Ingediende();
        Assert.Single(VraagInformatie.Beslis(ingediend, new VraagInformatie.Opdracht(Id, "Vraag", AlsOdnl, Odnl, null)));
        Weigert(() => VraagInformatie.Beslis(Aanvraag(Opgesteld()), new VraagInformatie.Opdracht(Id, "Vraag", AlsOdnl, Odnl, null)), 409);
        Weigert(() => LeverInformatieAan.Beslis(ingediend, new LeverInformatieAan.Opdracht(Id, "A", [], AlsOdg, OdG, null)), 409);
        var gevraagd = Aanvraag(Opgesteld(), Ingediend(), new InformatieGevraagd("Vraag", Nu));
        Assert.Single(LeverInformatieAan.Beslis(gevraagd, new LeverInformatieAan.Opdracht(Id, "A", [], AlsOdg, OdG, null)));
        Weigert(() => LeverInformatieAan.Beslis(gevraagd, new LeverInformatieAan.Opdracht(Id, "A", [], new Gebruiker("od", "ODA"), OdG, null)), 404);
    }

    [Fact]
    public void verantwoording_per_activiteit_voor_de_termijn()
    {
        var verleend = Aanvraag(Opgesteld(), Ingediend(Regels() with { VerantwoordingUiterlijk = new DateOnly(2025, 3, 3) }), Verleend(1000.00m));
        Assert.Single(DienVerantwoordingIn.Beslis(verleend, new DienVerantwoordingIn.Opdracht(Id, [900.00m], null, AlsOdg, OdG, null)));
        Weigert(() => DienVerantwoordingIn.Beslis(verleend, new DienVerantwoordingIn.Opdracht(Id, [900.00m, 1.00m], null, AlsOdg, OdG, null)), 400, "activiteiten");
        Weigert(() => DienVerantwoordingIn.Beslis(verleend, new DienVerantwoordingIn.Opdracht(Id, [900.00m], null, AlsOdg, OdG with { Op = Nu.AddDays(1) }, null)), 409);
        Weigert(() => DienVerantwoordingIn.Beslis(Ingediende(), new DienVerantwoordingIn.Opdracht(Id, [900.00m], null, AlsOdg, OdG, null)), 409);
    }

    private static Aanvraag Verantwoord(decimal verleend, decimal voorschot) => Aanvraag(Opgesteld(Activiteit(verleend)), Ingediend(bedrag: verleend), Verleend(verleend),
        new BetalingGedaan(Betalingssoort.Voorschot, voorschot, Nu), new VerantwoordingIngediend([verleend], null, Nu));

    private static StelSubsidieVast.Opdracht Vaststellen(decimal bedrag) => new(Id, bedrag, "m", AlsOdnl, Odnl, null);

    [Fact]
    public void lager_vaststellen_dan_het_voorschot_laat_vrijvallen_en_vordert_terug()
    {
        var events = StelSubsidieVast.Beslis(Verantwoord(1000.00m, 800.00m), Vaststellen(600.00m)).ToList();
        Assert.Equal(new SubsidieVastgesteld(600.00m, 400.00m, "m", Nu), events[0]);
        Assert.Equal(new TerugvorderingVastgesteld(200.00m, Nu), events[1]);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void boven_het_voorschot_vaststellen_betaalt_de_rest()
    {
        var events = StelSubsidieVast.Beslis(Verantwoord(1000.00m, 800.00m), Vaststellen(900.00m)).ToList();
        Assert.Equal(new BetalingGedaan(Betalingssoort.Eindbetaling, 100.00m, Nu), events[1]);
        Assert.Single(StelSubsidieVast.Beslis(Verantwoord(1000.00m, 1000.00m), Vaststellen(1000.00m)));
    }

    [Fact]
    public void hoogstens_het_verleende_bedrag_en_pas_na_de_verantwoording()
    {
        Weigert(() => StelSubsidieVast.Beslis(Verantwoord(1000.00m, 0), Vaststellen(1000.01m)), 400, "bedrag");
        Weigert(() => StelSubsidieVast.Beslis(Aanvraag(Opgesteld(), Ingediend(), Verleend(1000.00m)), Vaststellen(1.00m)), 409);
    }

    [Fact]
    public void bezwaar_binnen_zes_weken_na_het_besluit()
    {
        var besloten = Aanvraag(Opgesteld(), Ingediend(), Verleend(1000.00m));
        Assert.Equal(new DateOnly(2025, 4, 14), besloten.BezwaarUiterlijk);
        Assert.Single(DienBezwaarIn.Beslis(besloten, new DienBezwaarIn.Opdracht(Id, "g", AlsOdg, OdG with { Op = new DateTimeOffset(2025, 4, 14, 20, 0, 0, TimeSpan.Zero) }, null)));
        Weigert(() => DienBezwaarIn.Beslis(besloten, new DienBezwaarIn.Opdracht(Id, "g", AlsOdg, OdG with { Op = new DateTimeOffset(2025, 4, 14, 23, 0, 0, TimeSpan.Zero) }, null)), 409);
        Weigert(() => DienBezwaarIn.Beslis(Ingediende(), new DienBezwaarIn.Opdracht(Id, "g", AlsOdg, OdG, null)), 409);
        var bezwaard = Aanvraag(Opgesteld(), Ingediend(), Verleend(1000.00m), new BezwaarIngediend("g", Nu));
        Weigert(() => DienBezwaarIn.Beslis(bezwaard, new DienBezwaarIn.Opdracht(Id, "g", AlsOdg, OdG, null)), 409);
    }

    [Fact]
    public void een_gegrond_bezwaar_kan_het_bedrag_wijzigen_een_ongegrond_niet()
    {
        var geweigerd = Aanvraag(Opgesteld(Activiteit(1000.00m)), Ingediend(Regels() with { VoorschotPercentage = 50 }), new AanvraagGeweigerd("m", "odnl", null, Nu),
            new BezwaarIngediend("g", Nu));
        var events = BeslisOpBezwaar.Beslis(geweigerd, new BeslisOpBezwaar.Opdracht(Id, BezwaarUitkomst.Gegrond, 800.00m, null, "m", AlsOdnl, Odnl, null)).ToList();
        Assert.Equal(800.00m, Assert.IsType<BezwaarBeslist>(events[0]).NieuwBedrag);
        Assert.Equal(new BetalingGedaan(Betalingssoort.Voorschot, 400.00m, Nu), events[1]);

        var na = Aanvraag(Opgesteld(Activiteit(1000.00m)), Ingediend(), new AanvraagGeweigerd("m", "odnl", null, Nu), new BezwaarIngediend("g", Nu), (BezwaarBeslist)events[0]);
        Assert.Equal((AanvraagStatus.Verleend, 800.00m), (na.Status, na.Verleend));

        Assert.Single(BeslisOpBezwaar.Beslis(geweigerd, new BeslisOpBezwaar.Opdracht(Id, BezwaarUitkomst.Ongegrond, null, null, "m", AlsOdnl, Odnl, null)));
        Weigert(() => BeslisOpBezwaar.Beslis(Ingediende(), new BeslisOpBezwaar.Opdracht(Id, BezwaarUitkomst.Ongegrond, null, null, "m", AlsOdnl, Odnl, null)), 409);
        Weigert(() => BeslisOpBezwaar.Beslis(geweigerd, new BeslisOpBezwaar.Opdracht(Id, BezwaarUitkomst.Gegrond, 1000.01m, null, "m", AlsOdnl, Odnl, null)), 400, "bedrag");
    }

    [Fact]
    public void wie_een_aanvraag_ziet_en_behandelt()
    {
        var aanvraag = Ingediende();
        Assert.True(AlsOdg.Ziet(aanvraag));
        Assert.False(new Gebruiker("od", "ODA").Ziet(aanvraag));
        Assert.True(AlsOdnl.Ziet(aanvraag));
        Assert.True(AlsIenw.Ziet(aanvraag));
        Assert.False(new Gebruiker("ipo", null).Ziet(aanvraag));
        Assert.Equal(403, Assert.Throws<DomainRuleException>(() => AlsIenw.AlsBehandelaar(aanvraag, Id)).Status);
        Assert.Equal(404, Assert.Throws<DomainRuleException>(() => new Gebruiker("vng", null).AlsBehandelaar(aanvraag, Id)).Status);
    }

    [Fact]
    public void een_concept_alleen_voor_de_eigen_od_en_onder_een_bestaande_regeling()
    {
        var opdracht = new MaakAanvraagAan.Opdracht(Id, "robuustheidsbijdrage", "ODG", [Activiteit(1.00m)], [], [], AlsOdg, OdG);
        var od = new RobuustOD.RegisterReadModel.OmgevingsdienstUitRegister { Id = "ODG" };
        Assert.Single(MaakAanvraagAan.Beslis(null, Regeling(), od, opdracht));
        Weigert(() => MaakAanvraagAan.Beslis(null, Regeling(), od, opdracht with { Gebruiker = new Gebruiker("od", "ODA") }), 403);
        Weigert(() => MaakAanvraagAan.Beslis(null, null, od, opdracht), 400, "regeling");
        Weigert(() => MaakAanvraagAan.Beslis(null, Regeling(), null, opdracht), 400, "omgevingsdienst");
    }
}
