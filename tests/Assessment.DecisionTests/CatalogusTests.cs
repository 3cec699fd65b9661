using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

/// <summary>The criteria catalogue: documents, not a stream; the decision returns the version to insert.</summary>
public sealed class CatalogusTests
{
    private static readonly Drempel Drempel = new("Ten minste 80% in vaste dienst", "aandeel fte", ">=", 80, "procent");

    private static void AlsVersie(CriteriumVersie c, int nummer, int versie, string titel, Handeling door)
    {
        Assert.Equal((CriteriumVersie.Sleutel(nummer, versie), nummer, versie, titel), (c.Id, c.Nummer, c.Versie, c.Titel));
        Assert.Equal((door.Op, door.Door), (c.VastgesteldOp, c.VastgesteldDoor));
    }

    [Fact]
    public void een_nieuw_nummer_wordt_versie_1()
    {
        var criterium = VoegCriteriumToe.Beslis([], new VoegCriteriumToe.Opdracht(2, "Een niet-openbaar criterium", "Vraag?", Drempel, "IenW", Ienw));

        AlsVersie(criterium, 2, 1, "Een niet-openbaar criterium", Ienw);
        Assert.Equal(("Vraag?", Drempel, "IenW"), (criterium.Vraag, criterium.Drempel, criterium.Bron));
    }

    [Fact]
    public void een_nummer_dat_er_al_is_toevoegen_geeft_409()
    {
        Weigering.Verwacht(DomainRuleException.ConflictStatus,
            () => VoegCriteriumToe.Beslis([Criterium(7)], new VoegCriteriumToe.Opdracht(7, "Nogmaals zeven", null, null, null, Ienw)));
    }

    private static WijzigCriterium.Opdracht Wijziging(ExpectedVersion? verwacht = null) =>
        new(7, "Editie 2", null, Drempel, "Editie 2", Ienw, verwacht);

    [Fact]
    public void een_nieuwe_versie_volgt_op_de_huidige()
    {
        var volgende = WijzigCriterium.Beslis([Criterium(7), Criterium(7, 2)], Wijziging());

        AlsVersie(volgende, 7, 3, "Editie 2", Ienw);
        Assert.Equal(Drempel, volgende.Drempel);
    }

    [Fact]
    public void een_if_match_met_de_huidige_versie_mag()
    {
        Assert.Equal(2, WijzigCriterium.Beslis([Criterium(7)], Wijziging(ExpectedVersion.Of(1))).Versie);
    }

    [Fact]
    public void een_verouderde_if_match_geeft_412()
    {
        Weigering.Verwacht(DomainRuleException.PreconditionFailedStatus,
            () => WijzigCriterium.Beslis([Criterium(7), Criterium(7, 2)], Wijziging(ExpectedVersion.Of(1))));
    }

    [Fact]
    public void een_criterium_dat_niet_bestaat_geeft_404()
    {
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, () => WijzigCriterium.Beslis([], Wijziging()));
    }
}
