using RobuustOD.Monitoring.Format;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>The thresholds come from the catalogue: the format only ties key figures to a criterion.</summary>
public sealed class DrempelsetTests
{
    private static CriteriumEvaluatie Evalueer(int criterium, Dictionary<int, RobuustOD.CatalogusReadModel.CriteriumUitCatalogus> catalogus,
        params (string Code, decimal? Waarde)[] waarden) =>
        Evaluatie.Van(Formaat().Huidig!, Drempels(catalogus), waarden.ToDictionary(w => w.Code, w => w.Waarde)).Single(e => e.Criterium == criterium);

    [Fact]
    public void operator_en_waarde_komen_uit_de_catalogus()
    {
        var d = Drempels().Drempels.Single(x => x.Criterium == 7);
        Assert.Equal((DrempelOperator.TenMinste, 80m, "procent", 1), (d.Operator, d.Waarde, d.Eenheid, d.CriteriumVersie));
        Assert.Equal(DrempelOperator.MeerDan, Drempels().Drempels.Single(x => x.Criterium == 19).Operator);
    }

    [Fact]
    public void een_nieuwe_versie_in_de_catalogus_verandert_de_beoordeling()
    {
        var catalogus = Catalogus();
        Assert.Equal(Uitkomst.Groen, Evalueer(7, catalogus, ("totaalFte", 100), ("fteVasteDienst", 80)).Uitkomst);
        catalogus[7] = Criterium(7, ">=", 85, "procent", versie: 2);
        var e = Evalueer(7, catalogus, ("totaalFte", 100), ("fteVasteDienst", 80));
        Assert.Equal((Uitkomst.Rood, 2, 85m), (e.Uitkomst, e.CriteriumVersie!.Value, e.Drempel!.Value));
    }

    [Fact]
    public void een_criterium_dat_de_catalogus_niet_kent_is_niet_te_beoordelen_met_reden()
    {
        var catalogus = Catalogus();
        catalogus.Remove(10);
        var e = Evalueer(10, catalogus, ("totaalBudget", 100), ("innovatiebudget", 50));
        Assert.Equal(Uitkomst.NietTeBeoordelen, e.Uitkomst);
        Assert.Contains("niet in de criteriacatalogus", e.Reden, StringComparison.Ordinal);
        Assert.Null(e.Drempel);
    }

    [Fact]
    public void een_criterium_zonder_drempel_in_de_catalogus_is_niet_te_beoordelen_met_reden()
    {
        var catalogus = Catalogus();
        catalogus[19].Drempel = null;
        var e = Evalueer(19, catalogus, ("biCapaciteitFte", 10));
        Assert.Equal(Uitkomst.NietTeBeoordelen, e.Uitkomst);
        Assert.Contains("geen meetbare drempel", e.Reden, StringComparison.Ordinal);
    }

    [Fact]
    public void een_onbekende_operator_is_niet_te_beoordelen() =>
        Assert.Contains("onbekende operator", Evalueer(19, new() { [19] = Criterium(19, "≈", 3, "fte") }, ("biCapaciteitFte", 10)).Reden,
            StringComparison.Ordinal);

    [Fact]
    public void een_aandeel_tegen_een_drempel_in_fte_is_niet_te_beoordelen() =>
        Assert.Equal(Uitkomst.NietTeBeoordelen, Evalueer(7, new() { [7] = Criterium(7, ">=", 80, "fte") }, ("totaalFte", 100), ("fteVasteDienst", 90)).Uitkomst);

    [Fact]
    public void een_kerngetal_tegen_een_percentage_is_niet_te_beoordelen() =>
        Assert.Equal(Uitkomst.NietTeBeoordelen, Evalueer(19, new() { [19] = Criterium(19, ">", 3, "%") }, ("biCapaciteitFte", 10)).Uitkomst);

    [Theory]
    [InlineData("<", 2.9, Uitkomst.Groen)]
    [InlineData("<", 3, Uitkomst.Rood)]
    [InlineData("<=", 3, Uitkomst.Groen)]
    [InlineData("<=", 3.1, Uitkomst.Rood)]
    [InlineData("=", 3, Uitkomst.Groen)]
    [InlineData("=", 3.1, Uitkomst.Rood)]
    public void elke_operator_van_de_catalogus(string op, decimal bi, Uitkomst verwacht) =>
        Assert.Equal(verwacht, Evalueer(19, new() { [19] = Criterium(19, op, 3, "fte") }, ("biCapaciteitFte", bi)).Uitkomst);

    [Fact]
    public void de_indiening_legt_de_drempels_vast_en_een_latere_catalogus_verandert_ze_niet()
    {
        var dossier = Dossier("ODA", Aangemaakt(), Ingediend(), Vastgelegd(drempels: Drempels()));
        Assert.Equal(80m, dossier.Rapportage("voortgang1")!.Drempels!.Drempels.Single(d => d.Criterium == 7).Waarde);
        Assert.Equal("od-ODA", dossier.Rapportage("voortgang1")!.Versies[0].Door);
    }
}
