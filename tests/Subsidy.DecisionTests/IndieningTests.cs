using RobuustOD.CatalogusReadModel;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Features;
using RobuustOD.Subsidy.Regelingen;
using static RobuustOD.Subsidy.DecisionTests.Gegeven;

namespace RobuustOD.Subsidy.DecisionTests;

public sealed class IndieningTests
{
    private static readonly IReadOnlyDictionary<int, CriteriumUitCatalogus> Catalogus = new Dictionary<int, CriteriumUitCatalogus>
    {
        [7] = new() { Id = "7", Nummer = 7, Versie = 1, Titel = "Vaste formatie" },
        [18] = new() { Id = "18", Nummer = 18, Versie = 1, Titel = "Kennis" },
    };

    private static OmgevingsdienstUitRegister Odg(Action<OmgevingsdienstUitRegister>? zo = null)
    {
        var od = new OmgevingsdienstUitRegister { Id = "ODG", Naam = "Omgevingsdienst Groningen" };
        zo?.Invoke(od);
        return od;
    }

    private static DienAanvraagIn.Gegevens Gegevens(Regels? regels = null, OmgevingsdienstUitRegister? od = null, Budget? budget = null) =>
        new(Regeling(regels), od ?? Odg(), Catalogus, budget ?? Budget());

    private static DienAanvraagIn.Opdracht Opdracht(Gebruiker? gebruiker = null) => new("0123456789abcdef0123456789abcdef", gebruiker ?? AlsOdg, OdG, null);

    private static Aanvraag Concept(params Activiteit[] activiteiten) => Aanvraag(Opgesteld(activiteiten));

    [Fact]
    public void een_subsidiabele_aanvraag_wordt_ingediend_onder_de_huidige_versie()
    {
        var e = Assert.IsType<AanvraagIngediend>(Assert.Single(DienAanvraagIn.Beslis(Concept(Activiteit(1000.00m), Activiteit(500.50m, 18)), Gegevens(), Opdracht())));
        Assert.Equal(1500.50m, e.AangevraagdBedrag);
        Assert.Equal(1, e.RegelingVersie);
        Assert.Equal("ODG", e.Omgevingsdienst);
    }

    [Fact]
    public void een_opgeheven_od_niet() =>
        Weigert(() => DienAanvraagIn.Beslis(Concept(), Gegevens(od: Odg(o => o.OpgehevenOp = new DateOnly(2025, 1, 1))), Opdracht()), 409, "omgevingsdienst");

    [Fact]
    public void een_od_die_het_register_niet_kent_niet() =>
        Assert.Contains("omgevingsdienst", Assert.Throws<RobuustOD.Domain.DomainRuleException>(() =>
            DienAanvraagIn.Beslis(Concept(), new DienAanvraagIn.Gegevens(Regeling(), null, Catalogus, Budget()), Opdracht()).ToList()).Errors!.Keys);

    [Fact]
    public void een_gesloten_regeling_niet() =>
        Weigert(() => DienAanvraagIn.Beslis(Concept(), Gegevens(Regels() with { OpenTot = new DateOnly(2025, 3, 2) }), Opdracht()), 409, "regeling");

    [Fact]
    public void een_regeling_die_nog_niet_open_is_niet() =>
        Weigert(() => DienAanvraagIn.Beslis(Concept(), Gegevens(Regels() with { OpenVan = new DateOnly(2025, 3, 4) }), Opdracht()), 409, "regeling");

    [Fact]
    public void fusiesubsidie_vraagt_een_fusie_of_opsplitsing_in_het_register()
    {
        var regels = Regels() with { FusieOfOpsplitsingVereist = true };
        Weigert(() => DienAanvraagIn.Beslis(Concept(), Gegevens(regels), Opdracht()), 409, "omgevingsdienst");
        Assert.Single(DienAanvraagIn.Beslis(Concept(), Gegevens(regels, Odg(o => o.AangekondigdeFusie = "ODN")), Opdracht()));
        Assert.Single(DienAanvraagIn.Beslis(Concept(), Gegevens(regels, Odg(o => o.Voorgangers = ["ODA"])), Opdracht()));
        // A split dated in the future: still active, its successors already known.
        Assert.Single(DienAanvraagIn.Beslis(Concept(), Gegevens(regels, Odg(o => { o.Opvolgers = ["ODN", "ODZ"]; o.OpgehevenOp = new DateOnly(2026, 1, 1); })), Opdracht()));
    }

    [Fact]
    public void onbekende_criteria_worden_per_activiteit_genoemd() =>
        Weigert(() => DienAanvraagIn.Beslis(Concept(Activiteit(1.00m, 7), Activiteit(1.00m, 2)), Gegevens(), Opdracht()), 409, "activiteiten[1].criteria");

    [Fact]
    public void een_activiteit_eindigt_uiterlijk_op_de_einddatum_van_de_regeling()
    {
        var regels = Regels() with { ActiviteitenUiterlijk = new DateOnly(2026, 4, 1) };
        Assert.Single(DienAanvraagIn.Beslis(Concept(Activiteit(1.00m, tot: new DateOnly(2026, 4, 1))), Gegevens(regels), Opdracht()));
        Weigert(() => DienAanvraagIn.Beslis(Concept(Activiteit(1.00m, tot: new DateOnly(2026, 4, 2))), Gegevens(regels), Opdracht()), 409, "activiteiten[0].periode.tot");
    }

    [Fact]
    public void alleen_subsidiabele_kostencategorieen_als_de_regeling_ze_noemt()
    {
        Assert.Single(DienAanvraagIn.Beslis(Concept(), Gegevens(Regels() with { Kostencategorieen = ["Personeel"] }), Opdracht()));
        Weigert(() => DienAanvraagIn.Beslis(Concept(), Gegevens(Regels() with { Kostencategorieen = ["opleiding"] }), Opdracht()), 409, "activiteiten[0].kostenregels[0].categorie");
    }

    [Fact]
    public void het_maximum_per_od_over_alle_verleningen()
    {
        var regels = Regels() with { MaximumPerOd = 50_000.00m };
        var budget = Budget(7_000_000.00m, new BudgetVerplicht("x", "ODG", 49_000.00m));
        Assert.Single(DienAanvraagIn.Beslis(Concept(Activiteit(1000.00m)), Gegevens(regels, budget: budget), Opdracht()));
        Weigert(() => DienAanvraagIn.Beslis(Concept(Activiteit(1000.01m)), Gegevens(regels, budget: budget), Opdracht()), 409, "aangevraagdBedrag");
    }

    [Fact]
    public void alle_redenen_tegelijk()
    {
        var fout = Weigert(() => DienAanvraagIn.Beslis(Concept(Activiteit(1.00m, 99)),
            Gegevens(Regels() with { OpenTot = new DateOnly(2024, 1, 1) }, Odg(o => o.OpgehevenOp = new DateOnly(2024, 1, 1))), Opdracht()), 409);
        Assert.Equal(["activiteiten[0].criteria", "omgevingsdienst", "regeling"], fout.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void eenmaal_ingediend_is_bevroren_en_een_andere_od_krijgt_404()
    {
        Weigert(() => DienAanvraagIn.Beslis(Ingediende(), Gegevens(), Opdracht()), 409);
        Weigert(() => DienAanvraagIn.Beslis(Concept(), Gegevens(), Opdracht(new Gebruiker("od", "ODA"))), 404);
        Assert.Single(DienAanvraagIn.Beslis(Concept(), Gegevens(), Opdracht(AlsOdnl)));
    }
}
