using RobuustOD.Domain;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Features;
using static RobuustOD.Monitoring.DecisionTests.GegevenBijsturing;

namespace RobuustOD.Monitoring.DecisionTests;

public sealed class OordeelTests
{
    [Fact]
    public void ienw_stelt_het_oordeel_vast_onder_de_huidige_versies()
    {
        var events = Beoordeel(Ingediend("ODA", "voortgang1"), Oordeel("ODA", "voortgang1", Voortgang.Voldoende, "naarVerwachtingTijdigRobuust"));
        var e = Assert.IsType<VoortgangBeoordeeld>(Assert.Single(events));
        Assert.Equal(new OordeelInhoud(Voortgang.Voldoende, "naarVerwachtingTijdigRobuust", "Toelichting", null), e.Inhoud);
        Assert.Equal(1, e.RegelsVersie);
        Assert.Equal(1, e.CategorieenVersie);
        Assert.Equal("ienw", e.Door);
    }

    [Fact]
    public void de_beoordelaar_legt_een_concept_vast_en_dat_opent_niets()
    {
        var events = Beoordeel(Ingediend("ODA", "voortgang1"), Oordeel("ODA", "voortgang1", Voortgang.Onvoldoende, vaststellen: false));
        var e = Assert.IsType<OordeelOntworpen>(Assert.Single(events));
        Assert.Equal("beoordelaar", e.Door);
    }

    [Fact]
    public void het_vastgestelde_oordeel_vervangt_het_concept()
    {
        var d = Ingediend("ODA", "voortgang1");
        Na(d, Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Voldoende, vaststellen: false)));
        Assert.NotNull(d.Oordelen["voortgang1"].Concept);
        Na(d, Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Voldoende)));
        Assert.Null(d.Oordelen["voortgang1"].Concept);
        Assert.Equal(Voortgang.Voldoende, d.Oordelen["voortgang1"].Vastgesteld!.Voortgang);
    }

    [Fact]
    public void hetzelfde_oordeel_nogmaals_voegt_niets_toe()
    {
        var d = Ingediend("ODA", "voortgang1");
        Na(d, Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Voldoende)));
        Assert.Empty(Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Voldoende)));
    }

    [Fact]
    public void een_concept_rapportage_is_409_en_een_onbekende_404()
    {
        var concept = Dossier("ODA", new RobuustOD.Monitoring.Rapportages.VoortgangsrapportageAangemaakt("ODA", "voortgang1", 1));
        Gegeven.Weigert(() => Beoordeel(concept, Oordeel("ODA", "voortgang1", Voortgang.Voldoende)), DomainRuleException.ConflictStatus);
        Gegeven.Weigert(() => Beoordeel(concept, Oordeel("ODA", "voortgang2", Voortgang.Voldoende)), DomainRuleException.NotFoundStatus);
        Gegeven.Weigert(() => BeoordeelVoortgang.Beslis(null, Ronde("voortgang1"), Categorieen, Regels, Oordeel("ODA", "voortgang1", Voortgang.Voldoende)),
            DomainRuleException.NotFoundStatus);
    }

    [Fact]
    public void de_uitkomstcategorie_moet_bestaan()
    {
        Gegeven.Weigert(() => Beoordeel(Ingediend("ODA", "voortgang1"), Oordeel("ODA", "voortgang1", Voortgang.Voldoende, "bestaatNiet")),
            DomainRuleException.InvalidStatus, "uitkomst");
        Gegeven.Weigert(() => BeoordeelVoortgang.Beslis(Ingediend("ODA", "voortgang1"), Ronde("voortgang1"), null, Regels,
            Oordeel("ODA", "voortgang1", Voortgang.Voldoende)), DomainRuleException.InvalidStatus, "uitkomst");
    }

    [Fact]
    public void het_eindresultaat_hoort_alleen_bij_de_eindrapportage_en_is_daar_verplicht()
    {
        Gegeven.Weigert(() => Beoordeel(Ingediend("ODA", "voortgang1"), Oordeel("ODA", "voortgang1", Voortgang.Voldoende, eind: Eindresultaat.Ja)),
            DomainRuleException.InvalidStatus, "robuustOp1April2026");
        Gegeven.Weigert(() => Beoordeel(Ingediend("ODA", "eindrapportage"), Oordeel("ODA", "eindrapportage", Voortgang.Voldoende)),
            DomainRuleException.InvalidStatus, "robuustOp1April2026");
    }

    [Fact]
    public void het_oordeel_over_de_eindrapportage_legt_het_eindresultaat_vast_en_een_wijziging_opnieuw()
    {
        var d = Ingediend("ODA", "eindrapportage");
        var events = Beoordeel(d, Oordeel("ODA", "eindrapportage", Voortgang.Voldoende, "voldoetAanCriteria", Eindresultaat.Ja));
        Assert.Equal(Eindresultaat.Ja, Assert.Single(events.OfType<EindresultaatVastgelegd>()).Robuust);
        Na(d, events);
        Assert.Equal(Eindresultaat.Ja, d.Eindresultaat);

        var herzien = Beoordeel(d, Oordeel("ODA", "eindrapportage", Voortgang.Voldoende, "voldoetAanCriteria", Eindresultaat.NietZelfstandig) with { });
        Assert.Equal(Eindresultaat.NietZelfstandig, Assert.Single(herzien.OfType<EindresultaatVastgelegd>()).Robuust);
        Assert.Empty(herzien.OfType<EscalatieGeopend>());
    }
}
