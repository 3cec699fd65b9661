using JasperFx.Events;
using RobuustOD.Contracts.Monitoring;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>What leaves the service on the monitoring topic: IenW's judgements and the steps, never the assessor's drafts.</summary>
public sealed class BijsturingEventMapperTests
{
    private static readonly DateTimeOffset Op = Gegeven.Ienw.Op;

    private static object? Map<T>(T data, string stream = "ODA")
        where T : notnull => new MonitoringEventMapper().Map(new Event<T>(data) { StreamKey = stream });

    [Fact]
    public void het_oordeel_van_ienw_gaat_naar_buiten_het_concept_niet()
    {
        var inhoud = new OordeelInhoud(Voortgang.Onvoldoende, "onzeker", "Te weinig", null);
        Assert.Equal(new VoortgangBeoordeeldV1("ODA", "voortgang1", "onvoldoende", "onzeker", "Te weinig", null, 1, Op),
            Map(new VoortgangBeoordeeld("voortgang1", inhoud, 1, 1, "ienw", Op)));
        Assert.Null(Map(new OordeelOntworpen("voortgang1", inhoud, "beoordelaar", Op)));
        Assert.Null(Map(new EscalatieGepland("ODA-voortgang1-bestuurlijkGesprek", new DateOnly(2025, 5, 1), null)));
    }

    [Fact]
    public void stappen_gesprekken_besluiten_en_het_eindresultaat()
    {
        Assert.Equal(new EscalatieGeopendV1("ODA", "ODA-voortgang1-bestuurlijkGesprek", "voortgang1", "bestuurlijkGesprek", "r", 1, Op),
            Map(new EscalatieGeopend("ODA-voortgang1-bestuurlijkGesprek", "voortgang1", EscalatieStap.BestuurlijkGesprek, "r", 1, Op)));
        Assert.Equal(new EscalatieAfgerondV1("ODA", "ODA-voortgang1-bestuurlijkGesprek", new DateOnly(2025, 6, 1), "Gehouden", null, "b1"),
            Map(new EscalatieAfgerond("ODA-voortgang1-bestuurlijkGesprek", new DateOnly(2025, 6, 1), "Gehouden", null, "b1")));
        Assert.Equal(new EindresultaatVastgelegdV1("ODA", "nietZelfstandig", Op), Map(new EindresultaatVastgelegd("eindrapportage", Eindresultaat.NietZelfstandig, Op)));

        var gesprek = Assert.IsType<GesprekGevoerdV1>(Map(new GesprekVastgelegd("g1", GesprekSoort.DgGedeputeerden, new DateOnly(2024, 12, 1), [], ["Groningen"], ["DG"],
            null, null, null, Op), "gesprek-g1"));
        Assert.Equal(("dgGedeputeerden", "Groningen"), (gesprek.Soort, Assert.Single(gesprek.Provincies)));
        var besluit = Assert.IsType<BesluitMaatregelenGenomenV1>(Map(new BesluitVastgelegd("b1", "x", new DateOnly(2025, 10, 1), "Minister", ["ODA", "ODB"], [], Op), "besluit-b1"));
        Assert.Equal(["ODA", "ODB"], besluit.Omgevingsdiensten);
    }
}
