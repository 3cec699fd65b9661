using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

public sealed class PubliceerBeoordelingTests
{
    private static readonly PubliceerBeoordeling.Opdracht Opdracht = new(Code, Ronde, Ienw, null);

    [Fact]
    public void het_concept_wordt_versie_1_zoals_het_is_met_wie_en_wanneer()
    {
        var dossier = Dossier(Aangemaakt(), Gescoord(4, 3), Gescoord(7, 2), Beoordeeld());
        var concept = dossier!.In(Ronde)!.Concept;

        var events = PubliceerBeoordeling.Beslis(dossier, Opdracht);

        Assert.Equal([new BeoordelingGepubliceerd(Ronde, 1, concept, "ienw", Ienw.Op)], events);
        Assert.Equal(Oordeel.NietZelfstandigRobuust, concept.Oordeel);
        Assert.Equal([(4, 3), (7, 2)], concept.Criteria.Select(c => (c.Nummer, c.Haalbaarheid ?? 0)));
    }

    [Fact]
    public void zonder_oordeel_geeft_400_op_oordeel()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus,
            Weigering.Van(() => PubliceerBeoordeling.Beslis(Dossier(Aangemaakt(), Gescoord(7, 3)), Opdracht)), "oordeel");
    }

    [Fact]
    public void een_oordeel_dat_weer_leeg_is_gemaakt_geeft_400_op_oordeel()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus,
            Weigering.Van(() => PubliceerBeoordeling.Beslis(Dossier(Aangemaakt(), Beoordeeld(), Beoordeeld(null)), Opdracht)), "oordeel");
    }

    [Fact]
    public void nogmaals_publiceren_geeft_409()
    {
        Weigering.Verwacht(DomainRuleException.ConflictStatus, Weigering.Van(() => PubliceerBeoordeling.Beslis(Dossier(GepubliceerdeEvents()), Opdracht)));
    }

    [Fact]
    public void een_beoordeling_die_niet_bestaat_geeft_404()
    {
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, Weigering.Van(() => PubliceerBeoordeling.Beslis(null, Opdracht)));
    }
}
