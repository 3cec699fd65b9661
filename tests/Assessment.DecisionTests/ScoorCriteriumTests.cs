using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

public sealed class ScoorCriteriumTests
{
    private static readonly IReadOnlyList<string> Bronnen = ["PvA (blz 3)"];

    private static ScoorCriterium.Opdracht Opdracht(int nummer = 7, int? haalbaarheid = 3) =>
        new(Code, Ronde, nummer, null, "Maatregel.", "Duiding.", Bronnen, 0, haalbaarheid, Beoordelaar, null);

    [Fact]
    public void schrijft_de_rij_tegen_de_huidige_versie_van_het_criterium()
    {
        var events = ScoorCriterium.Beslis(Dossier(Aangemaakt()), Opdracht(), HuidigeCatalogus);

        Assert.Equal([new CriteriumGescoord(Ronde, new CriteriumScore(7, 2, null, "Maatregel.", "Duiding.", Bronnen, 0, 3), "beoordelaar")],
            events);
    }

    [Fact]
    public void een_rij_opnieuw_schrijven_mag_in_een_concept()
    {
        var events = ScoorCriterium.Beslis(Dossier(Aangemaakt(), Gescoord(7, 1)), Opdracht(haalbaarheid: null), HuidigeCatalogus);

        var gescoord = Assert.IsType<CriteriumGescoord>(Assert.Single(events));
        Assert.Equal(new CriteriumScore(7, 2, null, "Maatregel.", "Duiding.", Bronnen, 0, null), gescoord.Score);
    }

    [Fact]
    public void een_criterium_buiten_de_catalogus_geeft_400_op_nummer()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus,
            Weigering.Van(() => ScoorCriterium.Beslis(Dossier(Aangemaakt()), Opdracht(nummer: 2), HuidigeCatalogus)), "nummer");
    }

    [Fact]
    public void een_beoordeling_die_niet_bestaat_geeft_404()
    {
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, Weigering.Van(() => ScoorCriterium.Beslis(Dossier(Plan()), Opdracht(), HuidigeCatalogus)));
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, Weigering.Van(() => ScoorCriterium.Beslis(null, Opdracht(), HuidigeCatalogus)));
    }

    [Fact]
    public void een_gepubliceerde_beoordeling_scoren_geeft_409()
    {
        Weigering.Verwacht(DomainRuleException.ConflictStatus,
            Weigering.Van(() => ScoorCriterium.Beslis(Dossier(GepubliceerdeEvents()), Opdracht(), HuidigeCatalogus)));
    }
}
