using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

public sealed class LegOordeelVastTests
{
    private static readonly IReadOnlyList<string> Tekortkomingen = ["Een concreet plan ontbreekt."];

    private static LegOordeelVast.Opdracht Opdracht(Oordeel? oordeel = Oordeel.NietRobuust) =>
        new(Code, Ronde, oordeel, Tekortkomingen, new DateOnly(2024, 11, 20), "Opmerking.", "heer Test", Beoordelaar, null);

    [Fact]
    public void legt_oordeel_tekortkomingen_gesprek_opmerkingen_en_geadresseerde_vast()
    {
        var events = LegOordeelVast.Beslis(Dossier(Aangemaakt(), Gescoord(7, 3)), Opdracht());

        Assert.Equal([new OordeelVastgelegd(Ronde, Oordeel.NietRobuust, Tekortkomingen, new DateOnly(2024, 11, 20), "Opmerking.", "heer Test",
            "beoordelaar")], events);
    }

    [Fact]
    public void een_concept_mag_nog_zonder_oordeel()
    {
        var events = LegOordeelVast.Beslis(Dossier(Aangemaakt(), Beoordeeld()), Opdracht(oordeel: null));

        Assert.Null(Assert.IsType<OordeelVastgelegd>(Assert.Single(events)).Oordeel);
    }

    [Fact]
    public void een_beoordeling_die_niet_bestaat_geeft_404()
    {
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, Weigering.Van(() => LegOordeelVast.Beslis(Dossier(Aangemaakt("2023")), Opdracht())));
    }

    [Fact]
    public void een_gepubliceerde_beoordeling_geeft_409()
    {
        Weigering.Verwacht(DomainRuleException.ConflictStatus, Weigering.Van(() => LegOordeelVast.Beslis(Dossier(GepubliceerdeEvents()), Opdracht())));
    }
}
