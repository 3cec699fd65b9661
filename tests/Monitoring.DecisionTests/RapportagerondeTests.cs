using RobuustOD.Domain;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Rondes;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

public sealed class RapportagerondeTests
{
    private static MaakRapportagerondeAan.Opdracht Maak(int formatVersie = 1, DateOnly? uiterlijk = null) =>
        new("voortgang1", RondeSoort.Voortgang, "Eerste", null, null, uiterlijk, formatVersie, Ienw);

    private static WijzigRapportageronde.Opdracht Wijzig(DateOnly? uiterlijk, int formatVersie = 1) =>
        new("voortgang1", RondeSoort.Voortgang, "Eerste", null, null, uiterlijk, formatVersie, Ienw, null);

    [Fact]
    public void een_nieuwe_ronde_met_onbekende_termijn_wordt_aangemaakt()
    {
        var events = MaakRapportagerondeAan.Beslis(null, Formaat(), Maak()).ToList();
        Assert.Equal([new RapportagerondeAangemaakt("voortgang1", RondeSoort.Voortgang, "Eerste", null, null, null, 1)], events);
    }

    [Fact]
    public void een_bestaande_ronde_is_een_conflict_op_id() =>
        Weigert(() => MaakRapportagerondeAan.Beslis(Ronde(), Formaat(), Maak()), DomainRuleException.ConflictStatus, "id");

    [Fact]
    public void een_onbekende_formatversie_is_ongeldig() =>
        Weigert(() => MaakRapportagerondeAan.Beslis(null, Formaat(), Maak(formatVersie: 2)), DomainRuleException.InvalidStatus, "formatVersie");

    [Fact]
    public void zonder_format_is_elke_formatversie_ongeldig() =>
        Weigert(() => MaakRapportagerondeAan.Beslis(null, null, Maak()), DomainRuleException.InvalidStatus, "formatVersie");

    [Fact]
    public void de_termijn_vaststellen_is_een_wijziging()
    {
        var events = WijzigRapportageronde.Beslis(Ronde(), Formaat(), Wijzig(new DateOnly(2025, 4, 1))).ToList();
        Assert.Equal([new RapportagerondeGewijzigd("voortgang1", RondeSoort.Voortgang, "Eerste", null, null, new DateOnly(2025, 4, 1), 1)], events);
    }

    [Fact]
    public void dezelfde_gegevens_voegen_niets_toe() =>
        Assert.Empty(WijzigRapportageronde.Beslis(Ronde(), Formaat(), Wijzig(null)));

    [Fact]
    public void een_onbekende_ronde_wijzigen_is_niet_gevonden() =>
        Weigert(() => WijzigRapportageronde.Beslis(null, Formaat(), Wijzig(null)), DomainRuleException.NotFoundStatus);

    [Fact]
    public void wijzigen_naar_een_onbekende_formatversie_is_ongeldig() =>
        Weigert(() => WijzigRapportageronde.Beslis(Ronde(), Formaat(), Wijzig(null, formatVersie: 9)), DomainRuleException.InvalidStatus, "formatVersie");
}
