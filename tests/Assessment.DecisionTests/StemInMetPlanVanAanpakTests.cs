using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

/// <summary>Consent to a joint plan FUMO handed in for FUMO, ODRU and RUDU: each named OD's dossier decides the same.</summary>
public sealed class StemInMetPlanVanAanpakTests
{
    private static StemInMetPlanVanAanpak.Opdracht Opdracht(string omgevingsdienst, Guid? plan = null) =>
        new(plan ?? GezamenlijkPlanId, omgevingsdienst, new Handeling($"od-{omgevingsdienst}", Moment));

    private static readonly GezamenlijkPlanIngediend Voorstel = Ingediend("FUMO", "FUMO", "ODRU", "RUDU");

    [Fact]
    public void een_instemming_wordt_vastgelegd_en_het_plan_wacht_op_de_rest()
    {
        var odru = StemInMetPlanVanAanpak.Beslis(Dossier(Voorstel), Opdracht("ODRU"));
        var fumo = StemInMetPlanVanAanpak.Beslis(Dossier(Plan(), Voorstel), Opdracht("ODRU"));

        Assert.Equal([new InstemmingGegeven(GezamenlijkPlanId, "ODRU", "od-ODRU")], odru);
        Assert.Equal(odru, fumo);
    }

    [Fact]
    public void de_laatste_instemming_maakt_het_plan_gezamenlijk()
    {
        var events = StemInMetPlanVanAanpak.Beslis(Dossier(Voorstel, Instemming("ODRU")), Opdracht("RUDU")).ToList();

        Assert.Equal([new InstemmingGegeven(GezamenlijkPlanId, "RUDU", "od-RUDU"), new GezamenlijkPlanVastgesteld(GezamenlijkPlanId, "od-RUDU")], events);
        var dossier = Dossier([Voorstel, Instemming("ODRU"), .. events])!;
        var plan = Assert.Single(dossier.Plannen);
        Assert.Equal((GezamenlijkPlanId, "FUMO"), (plan.Id, plan.IngediendDoor));
        Assert.Equal(["FUMO", "ODRU", "RUDU"], plan.Omgevingsdiensten);
        Assert.Empty(dossier.PlannenInAfwachting);
    }

    [Fact]
    public void ienw_stemt_in_namens_een_od_met_zijn_eigen_naam_in_de_historie()
    {
        var events = StemInMetPlanVanAanpak.Beslis(Dossier(Voorstel), Opdracht("ODRU") with { Handeling = Ienw });

        Assert.Equal([new InstemmingGegeven(GezamenlijkPlanId, "ODRU", "ienw")], events);
    }

    [Fact]
    public void nogmaals_instemmen_voegt_niets_toe()
    {
        Assert.Empty(StemInMetPlanVanAanpak.Beslis(Dossier(Voorstel, Instemming("ODRU")), Opdracht("ODRU")));
    }

    [Fact]
    public void de_indiener_stemde_in_door_in_te_dienen()
    {
        Assert.Empty(StemInMetPlanVanAanpak.Beslis(Dossier(Voorstel), Opdracht("FUMO")));
    }

    [Fact]
    public void instemmen_met_een_plan_dat_al_gezamenlijk_is_voegt_niets_toe()
    {
        var dossier = Dossier(Voorstel, Instemming("ODRU"), Instemming("RUDU"), new GezamenlijkPlanVastgesteld(GezamenlijkPlanId, "od-RUDU"));

        Assert.Empty(StemInMetPlanVanAanpak.Beslis(dossier, Opdracht("RUDU")));
    }

    [Fact]
    public void een_plan_dat_de_od_niet_noemt_geeft_404()
    {
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, Weigering.Van(() => StemInMetPlanVanAanpak.Beslis(Dossier(Voorstel), Opdracht("ODG"))));
    }

    [Fact]
    public void een_onbekend_plan_of_geen_dossier_geeft_404()
    {
        Weigering.Verwacht(DomainRuleException.NotFoundStatus,
            Weigering.Van(() => StemInMetPlanVanAanpak.Beslis(Dossier(Voorstel), Opdracht("ODRU", Guid.NewGuid()))));
        Weigering.Verwacht(DomainRuleException.NotFoundStatus, Weigering.Van(() => StemInMetPlanVanAanpak.Beslis(null, Opdracht("ODRU"))));
    }
}
