using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

public sealed class StelBriefsjabloonVastTests
{
    private static StelBriefsjabloonVast.Opdracht Opdracht(string sjabloon = "Geachte {{ geadresseerde }},", ExpectedVersion? verwacht = null,
        string onderwerp = "Oordeel") => new(Ronde, onderwerp, sjabloon, Ienw, verwacht);

    private static BriefSjabloon Versie(int versie, string sjabloon = "Geachte {{ geadresseerde }},") => new()
    {
        Id = BriefSjabloon.Sleutel(Ronde, versie), Ronde = Ronde, Versie = versie, Onderwerp = "Oordeel", Sjabloon = sjabloon,
        VastgesteldOp = Moment, VastgesteldDoor = "seed",
    };

    [Fact]
    public void de_eerste_versie_van_een_ronde_is_versie_1()
    {
        var nieuw = StelBriefsjabloonVast.Beslis([], Opdracht(verwacht: ExpectedVersion.Of(0)))!;

        Assert.Equal(("2024.1", Ronde, 1, "Oordeel", "Geachte {{ geadresseerde }},", Ienw.Op, "ienw"),
            (nieuw.Id, nieuw.Ronde, nieuw.Versie, nieuw.Onderwerp, nieuw.Sjabloon, nieuw.VastgesteldOp, nieuw.VastgesteldDoor));
    }

    [Fact]
    public void een_andere_tekst_wordt_de_volgende_versie()
    {
        Assert.Equal(3, StelBriefsjabloonVast.Beslis([Versie(1), Versie(2)], Opdracht("Beste {{ geadresseerde }},", ExpectedVersion.Of(2)))!.Versie);
    }

    [Fact]
    public void een_ander_onderwerp_alleen_is_ook_een_nieuwe_versie()
    {
        Assert.Equal(2, StelBriefsjabloonVast.Beslis([Versie(1)], Opdracht(onderwerp: "Oordeel (herzien)"))!.Versie);
    }

    [Fact]
    public void hetzelfde_als_de_huidige_versie_voegt_niets_toe()
    {
        Assert.Null(StelBriefsjabloonVast.Beslis([Versie(1, "Oud"), Versie(2)], Opdracht()));
    }

    [Fact]
    public void een_verouderde_if_match_geeft_412_ook_nul_voor_een_ronde_die_al_een_sjabloon_heeft()
    {
        Weigering.Verwacht(DomainRuleException.PreconditionFailedStatus,
            () => StelBriefsjabloonVast.Beslis([Versie(1), Versie(2)], Opdracht("Nieuw", ExpectedVersion.Of(1))));
        Weigering.Verwacht(DomainRuleException.PreconditionFailedStatus,
            () => StelBriefsjabloonVast.Beslis([Versie(1)], Opdracht("Nieuw", ExpectedVersion.Of(0))));
    }
}
