using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

public sealed class MaakBeoordelingAanTests
{
    private static MaakBeoordelingAan.Opdracht Opdracht(Guid? plan = null, string ronde = Ronde) => new(Code, ronde, plan, Beoordelaar);

    [Fact]
    public void opent_een_concept_op_een_nieuw_dossier_met_wie_en_wanneer()
    {
        var events = MaakBeoordelingAan.Beslis(null, Opdracht(), Od());

        Assert.Equal([new BeoordelingAangemaakt(Ronde, null, "beoordelaar", Moment)], events);
    }

    [Fact]
    public void opent_een_concept_bij_een_plan_van_de_od_zelf()
    {
        var events = MaakBeoordelingAan.Beslis(Dossier(Plan()), Opdracht(PlanId), Od());

        Assert.Equal([new BeoordelingAangemaakt(Ronde, PlanId, "beoordelaar", Moment)], events);
    }

    [Fact]
    public void een_tweede_ronde_naast_de_eerste_mag()
    {
        var events = MaakBeoordelingAan.Beslis(Dossier(GepubliceerdeEvents()), Opdracht(ronde: "2025-herbeoordeling"), Od());

        Assert.Equal([new BeoordelingAangemaakt("2025-herbeoordeling", null, "beoordelaar", Moment)], events);
    }

    [Fact]
    public void een_od_die_het_register_niet_kent_geeft_400_op_omgevingsdienst()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus, Weigering.Van(() => MaakBeoordelingAan.Beslis(null, Opdracht(), null)),
            "omgevingsdienst");
    }

    [Fact]
    public void een_op_de_zelftoets_robuuste_od_geeft_409()
    {
        var fout = Weigering.Verwacht(DomainRuleException.ConflictStatus,
            Weigering.Van(() => MaakBeoordelingAan.Beslis(null, Opdracht(), Od(zelftoetsRobuust: true))));
        Assert.Contains("zelftoets", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_tweede_beoordeling_in_dezelfde_ronde_geeft_409()
    {
        Weigering.Verwacht(DomainRuleException.ConflictStatus,
            Weigering.Van(() => MaakBeoordelingAan.Beslis(Dossier(Aangemaakt()), Opdracht(), Od())));
    }

    [Fact]
    public void het_plan_van_een_ander_geeft_400_op_planVanAanpak()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus,
            Weigering.Van(() => MaakBeoordelingAan.Beslis(Dossier(Plan()), Opdracht(Guid.NewGuid()), Od())), "planVanAanpak");
    }

    [Fact]
    public void een_gezamenlijk_plan_dat_nog_op_instemming_wacht_geeft_409_op_planVanAanpak()
    {
        var fout = Weigering.Verwacht(DomainRuleException.ConflictStatus,
            Weigering.Van(() => MaakBeoordelingAan.Beslis(Dossier(Ingediend("FUMO", "FUMO", Code)), Opdracht(GezamenlijkPlanId), Od())), "planVanAanpak");
        Assert.Contains("instemming van ODG", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_gezamenlijk_plan_waarmee_iedereen_instemde_mag()
    {
        var dossier = Dossier(Ingediend("FUMO", "FUMO", Code), Instemming(Code), new GezamenlijkPlanVastgesteld(GezamenlijkPlanId, "od-ODG"));

        var events = MaakBeoordelingAan.Beslis(dossier, Opdracht(GezamenlijkPlanId), Od());

        Assert.Equal([new BeoordelingAangemaakt(Ronde, GezamenlijkPlanId, "beoordelaar", Moment)], events);
    }

    [Fact]
    public void een_plan_zonder_dossier_geeft_400_op_planVanAanpak()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus,
            Weigering.Van(() => MaakBeoordelingAan.Beslis(null, Opdracht(PlanId), Od())), "planVanAanpak");
    }
}
