using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rondes;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>The thresholds at, just below and just above; a missing figure is never 0.</summary>
public sealed class EvaluatieTests
{
    private static Uitkomst Beoordeel(int criterium, params (string Code, decimal? Waarde)[] waarden) =>
        Evaluatie.Van(Formaat().Huidig!, Drempels(), waarden.ToDictionary(w => w.Code, w => w.Waarde)).Single(e => e.Criterium == criterium).Uitkomst;

    [Theory]
    [InlineData(80, Uitkomst.Groen)]
    [InlineData(79.99, Uitkomst.Rood)]
    [InlineData(80.01, Uitkomst.Groen)]
    public void criterium_7_ten_minste_80_procent_vaste_dienst(decimal vast, Uitkomst verwacht) =>
        Assert.Equal(verwacht, Beoordeel(7, ("totaalFte", 100), ("fteVasteDienst", vast)));

    [Theory]
    [InlineData(10000, Uitkomst.Rood)]
    [InlineData(9999, Uitkomst.Rood)]
    [InlineData(10001, Uitkomst.Groen)]
    public void criterium_10_innovatie_meer_dan_1_procent_van_de_begroting(decimal innovatie, Uitkomst verwacht) =>
        Assert.Equal(verwacht, Beoordeel(10, ("totaalBudget", 1_000_000), ("innovatiebudget", innovatie)));

    [Theory]
    [InlineData(30000, Uitkomst.Rood)]
    [InlineData(29999, Uitkomst.Rood)]
    [InlineData(30001, Uitkomst.Groen)]
    public void criterium_17_opleiding_meer_dan_3_procent_van_de_loonsom(decimal opleiding, Uitkomst verwacht) =>
        Assert.Equal(verwacht, Beoordeel(17, ("loonsom", 1_000_000), ("opleidingsbudget", opleiding)));

    [Theory]
    [InlineData(3, Uitkomst.Rood)]
    [InlineData(2.9, Uitkomst.Rood)]
    [InlineData(3.1, Uitkomst.Groen)]
    public void criterium_19_bi_capaciteit_meer_dan_3_fte(decimal bi, Uitkomst verwacht) =>
        Assert.Equal(verwacht, Beoordeel(19, ("biCapaciteitFte", bi)));

    [Fact]
    public void een_ontbrekend_kerngetal_is_niet_te_beoordelen_en_wordt_genoemd()
    {
        var e = Evaluatie.Van(Formaat().Huidig!, Drempels(), new Dictionary<string, decimal?> { ["totaalFte"] = 100 }).Single(x => x.Criterium == 7);
        Assert.Equal(Uitkomst.NietTeBeoordelen, e.Uitkomst);
        Assert.Null(e.Gemeten);
        Assert.Equal(["fteVasteDienst"], e.Ontbrekend);
    }

    [Fact]
    public void een_kerngetal_null_is_niet_te_beoordelen_nooit_0() =>
        Assert.Equal(Uitkomst.NietTeBeoordelen, Beoordeel(19, ("biCapaciteitFte", null)));

    [Fact]
    public void een_noemer_van_0_is_niet_te_beoordelen() =>
        Assert.Equal(Uitkomst.NietTeBeoordelen, Beoordeel(7, ("totaalFte", 0), ("fteVasteDienst", 0)));

    [Fact]
    public void het_gemeten_aandeel_is_een_percentage()
    {
        var e = Evaluatie.Van(Formaat().Huidig!, Drempels(), new Dictionary<string, decimal?> { ["totaalFte"] = 120, ["fteVasteDienst"] = 90 }).Single(x => x.Criterium == 7);
        Assert.Equal(75m, e.Gemeten);
        Assert.True(e.Aandeel);
    }

    [Fact]
    public void zonder_kerngetallen_is_elk_meetbaar_criterium_niet_te_beoordelen() =>
        Assert.All(Evaluatie.Van(Formaat().Huidig!, Drempels(), new Dictionary<string, decimal?>()),
            e => Assert.Equal(Uitkomst.NietTeBeoordelen, e.Uitkomst));
}

public sealed class TijdigheidTests
{
    private static readonly DateOnly Termijn = new(2025, 4, 1);

    [Fact]
    public void zonder_termijn_valt_er_niets_te_zeggen() =>
        Assert.Equal(new Tijdigheid(null, TijdigheidStatus.GeenTermijn, null), Tijdigheid.Bepaal(null, Termijn, Termijn));

    [Fact]
    public void op_de_termijn_ingediend_is_tijdig() =>
        Assert.Equal(TijdigheidStatus.Tijdig, Tijdigheid.Bepaal(Termijn, Termijn, Termijn.AddDays(30)).Status);

    [Fact]
    public void een_dag_na_de_termijn_is_een_dag_te_laat() =>
        Assert.Equal(new Tijdigheid(Termijn, TijdigheidStatus.TeLaat, 1), Tijdigheid.Bepaal(Termijn, Termijn.AddDays(1), Termijn.AddDays(1)));

    [Fact]
    public void niet_ingediend_voor_de_termijn_is_nog_niet_verlopen() =>
        Assert.Equal(TijdigheidStatus.NogNietVerlopen, Tijdigheid.Bepaal(Termijn, null, Termijn).Status);

    [Fact]
    public void niet_ingediend_na_de_termijn_is_verstreken_met_dagen() =>
        Assert.Equal(new Tijdigheid(Termijn, TijdigheidStatus.TermijnVerstreken, 3), Tijdigheid.Bepaal(Termijn, null, Termijn.AddDays(3)));
}
