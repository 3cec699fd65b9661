using RobuustOD.Domain;
using RobuustOD.Subsidy.Features;
using RobuustOD.Subsidy.Regelingen;
using static RobuustOD.Subsidy.DecisionTests.Gegeven;

namespace RobuustOD.Subsidy.DecisionTests;

public sealed class RegelingTests
{
    private static StelRegelingVast.Opdracht Opdracht(Regels regels, Eigenaar? door = Eigenaar.Odnl) => new("robuustheidsbijdrage", regels, door, Odnl, null);

    [Fact]
    public void de_seed_maakt_versie_1_de_api_niet() 
    {
        var e = Assert.IsType<RegelingVastgesteld>(Assert.Single(StelRegelingVast.Beslis(null, Opdracht(Regels(), door: null))));
        Assert.Equal(1, e.Versie);
        Weigert(() => StelRegelingVast.Beslis(null, Opdracht(Regels())), 404);
    }

    [Fact]
    public void alleen_de_eigenaar_stelt_een_nieuwe_versie_vast() =>
        Weigert(() => StelRegelingVast.Beslis(Regeling(), Opdracht(Regels() with { MaximumPerOd = 1.00m }, Eigenaar.Ienw)), 403);

    [Fact]
    public void een_wijziging_is_de_volgende_versie_en_dezelfde_regels_voegen_niets_toe()
    {
        var e = Assert.IsType<RegelingVastgesteld>(Assert.Single(StelRegelingVast.Beslis(Regeling(), Opdracht(Regels() with { MaximumPerOd = 1.00m }))));
        Assert.Equal(2, e.Versie);
        Assert.Empty(StelRegelingVast.Beslis(Regeling(), Opdracht(Regels() with { Kostencategorieen = [] })));
    }

    [Fact]
    public void de_eigenaar_verandert_niet_met_een_versie() =>
        Weigert(() => StelRegelingVast.Beslis(Regeling(), Opdracht(Regels() with { Eigenaar = Eigenaar.Ienw })), 409, "eigenaar");

    [Fact]
    public void het_plafond_gaat_mee_naar_het_budget_maar_niet_onder_wat_verplicht_is()
    {
        Assert.Equal([new PlafondGewijzigd(8_000_000.00m)], StelRegelingVast.BeslisBudget(Budget(), Opdracht(Regels(8_000_000.00m))));
        Assert.Empty(StelRegelingVast.BeslisBudget(Budget(), Opdracht(Regels())));
        Weigert(() => StelRegelingVast.BeslisBudget(Budget(7_000_000.00m, new BudgetVerplicht("a", "ODG", 500.00m)), Opdracht(Regels(499.99m))), 409, "plafond");
        Assert.Equal([new BudgetGeopend("robuustheidsbijdrage", null)], StelRegelingVast.BeslisBudget(null, Opdracht(Regels(null))));
    }

    [Fact]
    public void lege_openingsdatums_beperken_niet()
    {
        var dag = new DateOnly(2025, 6, 1);
        Assert.True(Regels().IsOpenOp(dag));
        Assert.True((Regels() with { OpenVan = dag, OpenTot = dag }).IsOpenOp(dag));
        Assert.False((Regels() with { OpenTot = dag.AddDays(-1) }).IsOpenOp(dag));
        Assert.False((Regels() with { OpenVan = dag.AddDays(1) }).IsOpenOp(dag));
    }

    [Fact]
    public void geld_heeft_hoogstens_twee_decimalen()
    {
        Assert.True(Geld.HeeftHoogstensTweeDecimalen(10.50m));
        Assert.True(Geld.HeeftHoogstensTweeDecimalen(10.500m));
        Assert.False(Geld.HeeftHoogstensTweeDecimalen(10.005m));
        Assert.Equal("€ 1.234.567,89", Geld.Euro(1234567.89m));
        _ = typeof(DomainRuleException);
    }
}
