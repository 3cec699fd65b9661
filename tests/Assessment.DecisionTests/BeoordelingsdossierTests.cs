using RobuustOD.Assessment.Dossiers;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

/// <summary>An assessment's own version (its ETag) counts the events about that assessment only.</summary>
public sealed class BeoordelingsdossierTests
{
    [Fact]
    public void elke_gebeurtenis_over_de_beoordeling_telt_ook_de_afgeleide()
    {
        Assert.Equal(5, Dossier(GepubliceerdeEvents())!.VersieVan(Ronde));
        var herzien = Dossier([.. GepubliceerdeEvents(),
            new BeoordelingHerzien(Ronde, 2, BeoordelingInhoud.Leeg, "r", "ienw", Moment),
            new OordeelHerzien(Ronde, 2, Oordeel.NietZelfstandigRobuust, null, "r"),
            new HaalbaarheidGewijzigd(Ronde, 2, 7, 2, null)]);
        Assert.Equal(8, herzien!.VersieVan(Ronde));
    }

    [Fact]
    public void plannen_en_andere_rondes_in_hetzelfde_dossier_tellen_niet_mee()
    {
        var dossier = Dossier(Plan(), Aangemaakt(), Gescoord(7, 3), Plan(Guid.NewGuid()), Aangemaakt("2025"), Gescoord(4, 1, "2025"),
            Beoordeeld(ronde: "2025"));

        Assert.Equal(2, dossier!.VersieVan(Ronde));
        Assert.Equal(3, dossier.VersieVan("2025"));
        Assert.Equal(7, dossier.Plannen.Count + dossier.Beoordelingen.Values.Sum(b => b.AantalGebeurtenissen));
        Assert.Equal(0, dossier.VersieVan("2023"));
    }
}
