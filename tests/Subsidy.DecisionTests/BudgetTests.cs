using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Features;
using RobuustOD.Subsidy.Regelingen;
using static RobuustOD.Subsidy.DecisionTests.Gegeven;

namespace RobuustOD.Subsidy.DecisionTests;

public sealed class BudgetTests
{
    [Fact]
    public void een_verlening_die_past_verplicht_precies_het_bedrag()
    {
        var budget = Budget(7_000_000.00m, new BudgetVerplicht("a", "ODA", 6_999_000.00m));
        var e = Assert.IsType<BudgetVerplicht>(Assert.Single(Regelingen.Budget.Verplichting(budget, "b", "ODG", 1000.00m, null)));
        Assert.Equal(1000.00m, e.Bedrag);
    }

    [Fact]
    public void een_verlening_die_niet_past_is_409_met_wat_nog_beschikbaar_is()
    {
        var budget = Budget(7_000_000.00m, new BudgetVerplicht("a", "ODA", 6_999_000.01m));
        var fout = Weigert(() => Regelingen.Budget.Verplichting(budget, "b", "ODG", 1000.00m, null), 409, "bedrag");
        Assert.Contains("nog beschikbaar is 999.99", fout.Message);
    }

    [Fact]
    public void zonder_plafond_wordt_niets_verleend() =>
        Weigert(() => Regelingen.Budget.Verplichting(Budget(null), "b", "ODG", 1.00m, null), 409, "bedrag");

    [Fact]
    public void het_maximum_per_od_telt_wat_al_verleend_is()
    {
        var budget = Budget(7_000_000.00m, new BudgetVerplicht("a", "ODG", 40_000.00m), new BudgetVrijgevallen("a", "ODG", 5_000.00m));
        Assert.Equal(35_000.00m, budget.VerplichtVoor("ODG"));
        Assert.Single(Regelingen.Budget.Verplichting(budget, "b", "ODG", 15_000.00m, 50_000.00m));
        Weigert(() => Regelingen.Budget.Verplichting(budget, "b", "ODG", 15_000.01m, 50_000.00m), 409, "bedrag");
        Assert.Single(Regelingen.Budget.Verplichting(budget, "b", "ODA", 50_000.00m, 50_000.00m));
    }

    [Fact]
    public void vrijval_en_betaling_bewegen_het_budget()
    {
        var budget = Budget(100.00m, new BudgetVerplicht("a", "ODG", 80.00m), new BudgetBetaald("a", 60.00m), new BudgetVrijgevallen("a", "ODG", 30.00m));
        Assert.Equal(50.00m, budget.Verplicht);
        Assert.Equal(50.00m, budget.Beschikbaar);
        Assert.Equal(60.00m, budget.Betaald);
        Assert.Equal(30.00m, budget.Vrijgevallen);
    }

    [Fact]
    public void de_gevolgen_van_besluit_vaststelling_en_bezwaar_voor_het_budget()
    {
        var budget = Budget();
        var aanvraag = Ingediende(1000.00m);
        var verlening = Budgetboeking.Gevolgen(budget, aanvraag, [Verleend(800.00m), new BetalingGedaan(Betalingssoort.Voorschot, 640.00m, Nu)]).ToList();
        Assert.Equal([new BudgetVerplicht(aanvraag.AanvraagId, "ODG", 800.00m), new BudgetBetaald(aanvraag.AanvraagId, 640.00m)], verlening);

        var verleend = Aanvraag(Opgesteld(Activiteit(1000.00m)), Ingediend(), Verleend(800.00m));
        var vaststelling = Budgetboeking.Gevolgen(budget, verleend, [new SubsidieVastgesteld(700.00m, 100.00m, "m", Nu)]).ToList();
        Assert.Equal([new BudgetVastgesteld(verleend.AanvraagId, 700.00m), new BudgetVrijgevallen(verleend.AanvraagId, "ODG", 100.00m)], vaststelling);

        var lager = Budgetboeking.Gevolgen(budget, verleend, [new BezwaarBeslist(BezwaarUitkomst.Gegrond, 500.00m, [500.00m], "m", Nu)]).ToList();
        Assert.Equal([new BudgetVrijgevallen(verleend.AanvraagId, "ODG", 300.00m)], lager);
        var hoger = Budgetboeking.Gevolgen(budget, verleend, [new BezwaarBeslist(BezwaarUitkomst.Gegrond, 1000.00m, [1000.00m], "m", Nu)]).ToList();
        Assert.Equal([new BudgetVerplicht(verleend.AanvraagId, "ODG", 200.00m)], hoger);
        Weigert(() => Budgetboeking.Gevolgen(Budget(800.00m, new BudgetVerplicht(verleend.AanvraagId, "ODG", 800.00m)), verleend,
            [new BezwaarBeslist(BezwaarUitkomst.Gegrond, 1000.00m, [1000.00m], "m", Nu)]), 409, "bedrag");
    }
}
