using RobuustOD.Monitoring.Bijsturing;
using static RobuustOD.Monitoring.DecisionTests.GegevenBijsturing;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>Each rule of the seed letter fires once on insufficient progress, never on sufficient progress.</summary>
public sealed class EscalatieregelTests
{
    [Theory]
    [InlineData("voortgang1", null, EscalatieStap.BestuurlijkGesprek, "ODA-voortgang1-bestuurlijkGesprek")]
    [InlineData("voortgang2", null, EscalatieStap.BesluitVerdergaandeMaatregelen, "ODA-voortgang2-besluitVerdergaandeMaatregelen")]
    [InlineData("eindrapportage", Eindresultaat.Nee, EscalatieStap.BesluitMaatregelen, "ODA-eindrapportage-besluitMaatregelen")]
    [InlineData("eindrapportage", Eindresultaat.NietZelfstandig, EscalatieStap.BesluitMaatregelen, "ODA-eindrapportage-besluitMaatregelen")]
    public void onvoldoende_voortgang_opent_de_stap_van_de_regel_precies_eenmaal(string ronde, Eindresultaat? eind, EscalatieStap stap, string id)
    {
        var d = Ingediend("ODA", ronde);
        var events = Beoordeel(d, Oordeel("ODA", ronde, Voortgang.Onvoldoende, "onzeker", eind));
        var geopend = Assert.Single(events.OfType<EscalatieGeopend>());
        Assert.Equal(new EscalatieGeopend(id, ronde, stap, geopend.Regel, 1, Gegeven.Ienw.Op), geopend);
        Na(d, events);

        // A second judgement of the same round (another outcome) does not open it again.
        var tweede = Beoordeel(d, Oordeel("ODA", ronde, Voortgang.Onvoldoende, "nietTijdigHaalbaar", eind));
        Assert.IsType<VoortgangBeoordeeld>(tweede[0]);
        Assert.Empty(tweede.OfType<EscalatieGeopend>());
    }

    [Theory]
    [InlineData("voortgang1", null)]
    [InlineData("voortgang2", null)]
    [InlineData("eindrapportage", Eindresultaat.Nee)]
    public void voldoende_voortgang_opent_nooit_een_stap(string ronde, Eindresultaat? eind) =>
        Assert.Empty(Beoordeel(Ingediend("ODA", ronde), Oordeel("ODA", ronde, Voortgang.Voldoende, "onzeker", eind)).OfType<EscalatieGeopend>());

    [Fact]
    public void de_derde_ronde_en_een_robuuste_eindrapportage_openen_niets()
    {
        Assert.Empty(Beoordeel(Ingediend("ODA", "voortgang3"), Oordeel("ODA", "voortgang3", Voortgang.Onvoldoende)).OfType<EscalatieGeopend>());
        Assert.Empty(Beoordeel(Ingediend("ODA", "eindrapportage"), Oordeel("ODA", "eindrapportage", Voortgang.Onvoldoende, eind: Eindresultaat.Ja))
            .OfType<EscalatieGeopend>());
    }

    [Fact]
    public void een_concept_opent_niets_pas_het_vastgestelde_oordeel()
    {
        var d = Ingediend("ODA", "voortgang1");
        var concept = Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Onvoldoende, vaststellen: false));
        Assert.Empty(concept.OfType<EscalatieGeopend>());
        Na(d, concept);
        Assert.Single(Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Onvoldoende)).OfType<EscalatieGeopend>());
    }

    [Fact]
    public void eerst_voldoende_daarna_onvoldoende_opent_de_stap_bij_het_tweede_oordeel()
    {
        var d = Ingediend("ODA", "voortgang1");
        Na(d, Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Voldoende)));
        Assert.Single(Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Onvoldoende)).OfType<EscalatieGeopend>());
    }

    [Fact]
    public void een_regel_op_uitkomsten_gaat_alleen_af_bij_die_uitkomsten_en_onder_de_versie_van_het_oordeel()
    {
        var regels = new EscalatieregelsVersie(2,
            [new("alleenNietHaalbaar", "voortgang3", ["nietTijdigHaalbaar"], [], EscalatieStap.BestuurlijkGesprek, "x")], Gegeven.Ienw.Op);
        Assert.Empty(Beoordeel(Ingediend("ODA", "voortgang3"), Oordeel("ODA", "voortgang3", Voortgang.Onvoldoende, "onzeker"), regels).OfType<EscalatieGeopend>());
        var geopend = Assert.Single(Beoordeel(Ingediend("ODA", "voortgang3"), Oordeel("ODA", "voortgang3", Voortgang.Onvoldoende, "nietTijdigHaalbaar"), regels)
            .OfType<EscalatieGeopend>());
        Assert.Equal(("alleenNietHaalbaar", 2), (geopend.Regel, geopend.RegelsVersie));
    }

    [Fact]
    public void zonder_regels_opent_niets()
    {
        var events = GegevenBijsturing.Beoordeel(Ingediend("ODA", "voortgang1"), Oordeel("ODA", "voortgang1", Voortgang.Onvoldoende),
            new EscalatieregelsVersie(2, [], Gegeven.Ienw.Op));
        Assert.Empty(events.OfType<EscalatieGeopend>());
    }
}
