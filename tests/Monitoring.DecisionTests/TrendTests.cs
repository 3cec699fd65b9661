using RobuustOD.Contracts.Beoordeling;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Nulmetingen;
using RobuustOD.Monitoring.Rapportages;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

public sealed class TrendTests
{
    private static RapportageInhoud Inhoud(decimal? vast, params (int Nummer, int? Haalbaarheid)[] rijen) => new(
        new() { ["totaalFte"] = 100, ["fteVasteDienst"] = vast },
        [.. rijen.Select(r => new CriteriumRapportage(r.Nummer, null, [], null, r.Haalbaarheid))], null);

    private static IReadOnlyList<CriteriumEvaluatie> Evalueer(RapportageInhoud inhoud) => Evaluatie.Van(Formaat().Huidig!, Drempels(), inhoud.Kerngetallen);

    [Theory]
    [InlineData(3, 1, TrendRichting.Beter)]
    [InlineData(2, 2, TrendRichting.Gelijk)]
    [InlineData(1, 2, TrendRichting.Slechter)]
    [InlineData(null, 2, null)]
    [InlineData(2, null, null)]
    public void een_lagere_kleur_is_beter(int? oud, int? nieuw, TrendRichting? verwacht) => Assert.Equal(verwacht, Trend.Richting(oud, nieuw));

    [Fact]
    public void een_meetbaar_criterium_krijgt_de_kleur_van_de_evaluatie_anders_de_eigen_haalbaarheid()
    {
        var inhoud = Inhoud(90, (7, 3), (1, 2));
        Assert.Equal((1, KleurBron.Evaluatie), Trend.KleurVan(inhoud, 7, Evalueer(inhoud)));
        Assert.Equal((2, KleurBron.Haalbaarheid), Trend.KleurVan(inhoud, 1, Evalueer(inhoud)));
        var zonderCijfer = Inhoud(null, (7, 2));
        Assert.Equal((2, KleurBron.Haalbaarheid), Trend.KleurVan(zonderCijfer, 7, Evalueer(zonderCijfer)));
        Assert.Equal(((int?)null, (KleurBron?)null), Trend.KleurVan(zonderCijfer, 10, Evalueer(zonderCijfer)));
    }

    [Fact]
    public void zonder_vorige_rapportage_vergelijkt_de_trend_met_de_beoordeling()
    {
        var inhoud = Inhoud(70, (1, 2));
        var trend = Trend.Bepaal([1, 7], inhoud, Evalueer(inhoud), null, n => n == 1 ? 3 : 1);
        Assert.Equal(new CriteriumTrend(1, 3, null, null, 2, KleurBron.Haalbaarheid, Vergelijking.Beoordeling, TrendRichting.Beter), trend[0]);
        Assert.Equal(new CriteriumTrend(7, 1, null, null, 3, KleurBron.Evaluatie, Vergelijking.Beoordeling, TrendRichting.Slechter), trend[1]);
    }

    [Fact]
    public void met_een_vorige_rapportage_vergelijkt_de_trend_daarmee()
    {
        var vorige = Inhoud(70, (1, 2));
        var deze = Inhoud(80, (1, 2));
        var trend = Trend.Bepaal([1, 7], deze, Evalueer(deze), ("voortgang1", vorige, Evalueer(vorige)), _ => 3);
        Assert.Equal(new CriteriumTrend(1, 3, "voortgang1", 2, 2, KleurBron.Haalbaarheid, Vergelijking.VorigeRapportage, TrendRichting.Gelijk), trend[0]);
        Assert.Equal(new CriteriumTrend(7, 3, "voortgang1", 3, 1, KleurBron.Evaluatie, Vergelijking.VorigeRapportage, TrendRichting.Beter), trend[1]);
    }
}

public sealed class NulmetingTests
{
    private static Nulmeting Leeg => new() { Id = "ODA-2024", Code = "ODA", Ronde = "2024" };

    [Fact]
    public void de_publicatie_zet_de_kleuren_en_het_oordeel()
    {
        var n = Leeg;
        NulmetingVolgen.Pas(n, new BeoordelingGepubliceerdV1("ODA", "2024", 1, "nietRobuust", [new CriteriumKleurV1(7, 0, 3), new CriteriumKleurV1(1, 1, 2)]));
        Assert.Equal((3, 2, "nietRobuust"), (n.Kleur(7)!.Value, n.Kleur(1)!.Value, n.Oordeel));
        Assert.Null(n.Kleur(10));
    }

    [Fact]
    public void een_gewijzigde_score_en_een_herzien_oordeel_volgen()
    {
        var n = Leeg;
        NulmetingVolgen.Pas(n, new BeoordelingGepubliceerdV1("ODA", "2024", 1, "nietRobuust", [new CriteriumKleurV1(7, 0, 3)]));
        NulmetingVolgen.Pas(n, new CriteriumScoreGewijzigdV1("ODA", "2024", 2, 7, 3, 2));
        NulmetingVolgen.Pas(n, new OordeelHerzienV1("ODA", "2024", 2, "nietRobuust", "robuust", "Na gesprek"));
        Assert.Equal((2, "robuust", 2), (n.Kleur(7)!.Value, n.Oordeel, n.Versie));
    }

    [Fact]
    public void een_oudere_versie_rolt_niets_terug()
    {
        var n = Leeg;
        NulmetingVolgen.Pas(n, new CriteriumScoreGewijzigdV1("ODA", "2024", 2, 7, 3, 2));
        NulmetingVolgen.Pas(n, new BeoordelingGepubliceerdV1("ODA", "2024", 1, "nietRobuust", [new CriteriumKleurV1(7, 0, 3)]));
        NulmetingVolgen.Pas(n, new OordeelHerzienV1("ODA", "2024", 1, null, "x", "oud"));
        Assert.Equal(2, n.Kleur(7));
        Assert.Equal(2, n.Versie);
        Assert.NotEqual("x", n.Oordeel);
    }
}
