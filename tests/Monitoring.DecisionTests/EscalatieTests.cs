using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Features;
using static RobuustOD.Monitoring.DecisionTests.GegevenBijsturing;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>The lifecycle of a step: open, planned with a date, closed with an outcome and a follow-up.</summary>
public sealed class EscalatieTests
{
    private const string Id = "ODA-voortgang1-bestuurlijkGesprek";

    private static Bijsturingsdossier Geopend()
    {
        var d = Ingediend("ODA", "voortgang1");
        return Na(d, Beoordeel(d, Oordeel("ODA", "voortgang1", Voortgang.Onvoldoende)));
    }

    private static PlanEscalatie.Opdracht Plan(DateOnly datum) => new(Id, datum, "Met de eigenaren", Gegeven.Ienw, null);

    private static RondEscalatieAf.Opdracht Rond() => new(Id, new DateOnly(2025, 6, 1), "Gehouden", "Nieuw plan in 3 maanden", null, Gegeven.Ienw, null);

    [Fact]
    public void open_wordt_gepland_en_gepland_wordt_afgerond()
    {
        var d = Geopend();
        Assert.Equal(EscalatieStatus.Open, d.Escalaties[Id].Status);

        Na(d, PlanEscalatie.Beslis(d, Plan(new DateOnly(2025, 5, 1))));
        Assert.Equal((EscalatieStatus.Gepland, new DateOnly(2025, 5, 1)), (d.Escalaties[Id].Status, d.Escalaties[Id].GeplandOp!.Value));

        Na(d, PlanEscalatie.Beslis(d, Plan(new DateOnly(2025, 5, 8))));
        Assert.Equal(new DateOnly(2025, 5, 8), d.Escalaties[Id].GeplandOp);

        Na(d, RondEscalatieAf.Beslis(d, Rond()));
        var e = d.Escalaties[Id];
        Assert.Equal((EscalatieStatus.Afgerond, "Gehouden", "Nieuw plan in 3 maanden"), (e.Status, e.Uitkomst, e.Vervolg));
    }

    [Fact]
    public void open_kan_direct_worden_afgerond()
    {
        var d = Geopend();
        Assert.IsType<EscalatieAfgerond>(Assert.Single(RondEscalatieAf.Beslis(d, Rond())));
    }

    [Fact]
    public void dezelfde_planning_nogmaals_voegt_niets_toe()
    {
        var d = Geopend();
        Na(d, PlanEscalatie.Beslis(d, Plan(new DateOnly(2025, 5, 1))));
        Assert.Empty(PlanEscalatie.Beslis(d, Plan(new DateOnly(2025, 5, 1))));
    }

    [Fact]
    public void een_afgeronde_stap_plannen_of_nogmaals_afronden_is_409()
    {
        var d = Geopend();
        Na(d, RondEscalatieAf.Beslis(d, Rond()));
        Gegeven.Weigert(() => PlanEscalatie.Beslis(d, Plan(new DateOnly(2025, 7, 1))), DomainRuleException.ConflictStatus);
        Gegeven.Weigert(() => RondEscalatieAf.Beslis(d, Rond()), DomainRuleException.ConflictStatus);
    }

    [Fact]
    public void een_onbekende_stap_is_404()
    {
        Gegeven.Weigert(() => PlanEscalatie.Beslis(Ingediend("ODA", "voortgang1"), Plan(new DateOnly(2025, 5, 1))), DomainRuleException.NotFoundStatus);
        Gegeven.Weigert(() => RondEscalatieAf.Beslis(null, Rond()), DomainRuleException.NotFoundStatus);
    }

    [Theory]
    [InlineData("ODA-voortgang1-bestuurlijkGesprek", "ODA")]
    [InlineData("ODVeluwe-eindrapportage-besluitMaatregelen", "ODVeluwe")]
    public void de_id_noemt_de_od(string id, string od) => Assert.Equal(od, EscalatieId.Od(id));

    [Theory]
    [InlineData("ODA")]
    [InlineData("ODA-voortgang1")]
    [InlineData("ODA-voortgang1-bestuurlijkGesprek\n")]
    public void een_misvormde_id_is_404(string id) =>
        Assert.Equal(DomainRuleException.NotFoundStatus, Assert.Throws<DomainRuleException>(() => EscalatieId.Od(id)).Status);

    [Fact]
    public void een_besluit_rondt_de_genoemde_stappen_af_en_weigert_wat_niet_kan()
    {
        var d = Geopend();
        var dossiers = new Dictionary<string, Bijsturingsdossier> { ["ODA"] = d };
        var o = new NeemBesluit.Opdracht("b1", "Aanwijzing", new DateOnly(2025, 9, 1), "Minister van IenW", ["ODA", "ODB"], [Id], Gegeven.Ienw);

        var besluit = Assert.IsType<BesluitVastgelegd>(Assert.Single(NeemBesluit.Beslis(false, new HashSet<string>(), dossiers, o)));
        Assert.Equal(["ODA", "ODB"], besluit.Omgevingsdiensten);
        var afgerond = Assert.IsType<EscalatieAfgerond>(Assert.Single(NeemBesluit.Sluit(d, o, "ODA")));
        Assert.Equal(("b1", "Aanwijzing"), (afgerond.Besluit, afgerond.Uitkomst));
        Assert.Empty(NeemBesluit.Sluit(null, o, "ODB"));

        Gegeven.Weigert(() => NeemBesluit.Beslis(false, new HashSet<string> { "ODB" }, dossiers, o), DomainRuleException.InvalidStatus, "omgevingsdiensten[1]");
        Gegeven.Weigert(() => NeemBesluit.Beslis(false, new HashSet<string>(), dossiers, o with { Omgevingsdiensten = ["ODB"] }),
            DomainRuleException.InvalidStatus, "escalaties[0]");
        Gegeven.Weigert(() => NeemBesluit.Beslis(false, new HashSet<string>(), dossiers, o with { Escalaties = ["ODA-voortgang2-besluitMaatregelen"] }),
            DomainRuleException.InvalidStatus, "escalaties[0]");

        Na(d, NeemBesluit.Sluit(d, o, "ODA"));
        Gegeven.Weigert(() => NeemBesluit.Beslis(false, new HashSet<string>(), dossiers, o), DomainRuleException.ConflictStatus, "escalaties[0]");
    }

    [Fact]
    public void een_gesprek_bij_een_stap_moet_die_stap_van_een_genoemde_od_noemen()
    {
        var d = Geopend();
        var o = new LegGesprekVast.Opdracht("g1", GesprekSoort.Bestuurlijk, new DateOnly(2025, 5, 1), ["ODA"], [], ["Minister"], null, null, Id, Gegeven.Ienw);
        Assert.IsType<GesprekVastgelegd>(Assert.Single(LegGesprekVast.Beslis(false, new HashSet<string>(), d.Escalaties[Id], o)));
        Gegeven.Weigert(() => LegGesprekVast.Beslis(false, new HashSet<string>(), null, o), DomainRuleException.InvalidStatus, "escalatie");
        Gegeven.Weigert(() => LegGesprekVast.Beslis(false, new HashSet<string>(), d.Escalaties[Id], o with { Omgevingsdiensten = ["ODB"] }),
            DomainRuleException.InvalidStatus, "escalatie");
        Gegeven.Weigert(() => LegGesprekVast.Beslis(false, new HashSet<string> { "ODA" }, d.Escalaties[Id], o), DomainRuleException.InvalidStatus,
            "omgevingsdiensten[0]");
        Gegeven.Weigert(() => LegGesprekVast.Beslis(true, new HashSet<string>(), d.Escalaties[Id], o), DomainRuleException.ConflictStatus);
    }
}
