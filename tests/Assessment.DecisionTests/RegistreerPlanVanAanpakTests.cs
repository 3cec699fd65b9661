using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

public sealed class RegistreerPlanVanAanpakTests
{
    private static readonly PlanDocument Document = new("Plan van aanpak", "https://www.example.nl/pva.pdf", "pva.pdf", 30);

    /// <summary>IenW registers the plan (on behalf of every OD it names).</summary>
    private static RegistreerPlanVanAanpak.Opdracht Opdracht(params string[] omgevingsdiensten) =>
        new(PlanId, omgevingsdiensten, new DateOnly(2024, 7, 1), "1", Document, new Handeling("ienw", Moment), null);

    /// <summary><paramref name="indiener"/> hands the plan in with its own token.</summary>
    private static RegistreerPlanVanAanpak.Opdracht DoorOd(string indiener, params string[] omgevingsdiensten) =>
        new(PlanId, omgevingsdiensten, new DateOnly(2024, 7, 1), "1", Document, new Handeling($"od-{indiener}", Moment), indiener);

    [Fact]
    public void registreert_het_plan_in_het_dossier_met_wie_het_indiende()
    {
        var opdracht = DoorOd(Code, Code);

        var events = RegistreerPlanVanAanpak.Beslis(null, opdracht, Register(Od()));

        Assert.Equal([new PlanVanAanpakGeregistreerd(PlanId, opdracht.Omgevingsdiensten, new DateOnly(2024, 7, 1), "1", Document, "od-ODG")], events);
    }

    [Fact]
    public void een_gezamenlijk_plan_van_ienw_staat_met_dezelfde_gebeurtenis_meteen_in_het_dossier_van_elke_od()
    {
        var opdracht = Opdracht("ODRU", "RUDU");
        var register = Register(Od("ODRU"), Od("RUDU"));

        var odru = RegistreerPlanVanAanpak.Beslis(null, opdracht, register);
        var rudu = RegistreerPlanVanAanpak.Beslis(Dossier(Aangemaakt()), opdracht, register);

        var verwacht = new PlanVanAanpakGeregistreerd(PlanId, opdracht.Omgevingsdiensten, new DateOnly(2024, 7, 1), "1", Document, "ienw");
        Assert.Equal([verwacht], odru);
        Assert.Equal([verwacht], rudu);
    }

    [Fact]
    public void een_gezamenlijk_plan_van_een_od_wacht_in_het_dossier_van_elke_genoemde_od_op_instemming()
    {
        var opdracht = DoorOd("FUMO", "FUMO", "ODG");
        var register = Register(Od("FUMO"), Od("ODG"));

        var fumo = RegistreerPlanVanAanpak.Beslis(null, opdracht, register);
        var odg = RegistreerPlanVanAanpak.Beslis(Dossier(Plan()), opdracht, register);

        var verwacht = new GezamenlijkPlanIngediend(PlanId, opdracht.Omgevingsdiensten, new DateOnly(2024, 7, 1), "1", Document, "FUMO", "od-FUMO");
        Assert.Equal([verwacht], fumo);
        Assert.Equal([verwacht], odg);
    }

    [Fact]
    public void een_gezamenlijk_plan_in_afwachting_hoort_nog_bij_geen_dossier()
    {
        var odg = Dossier(Plan(), Ingediend("FUMO", "FUMO", "ODG"))!;

        Assert.Equal([PlanId], odg.Plannen.Select(p => p.Id));
        Assert.Null(odg.Plan(GezamenlijkPlanId));
        var afwachting = Assert.Single(odg.PlannenInAfwachting);
        Assert.Equal(GezamenlijkPlanId, afwachting.Plan.Id);
        Assert.Equal(["FUMO"], afwachting.Ingestemd);
        Assert.Equal(["ODG"], afwachting.WachtOp);
    }

    [Fact]
    public void een_od_die_zichzelf_niet_noemt_geeft_403()
    {
        Weigering.Verwacht(DomainRuleException.ForbiddenStatus,
            Weigering.Van(() => RegistreerPlanVanAanpak.Beslis(null, DoorOd("ODG", "ODRU", "RUDU"), Register(Od("ODRU"), Od("RUDU")))));
    }

    [Fact]
    public void een_tweede_plan_naast_het_eerste_mag()
    {
        var events = RegistreerPlanVanAanpak.Beslis(Dossier(Plan(Guid.NewGuid())), Opdracht(Code), Register(Od()));

        Assert.Equal(PlanId, Assert.IsType<PlanVanAanpakGeregistreerd>(Assert.Single(events)).PlanId);
    }

    [Fact]
    public void een_od_die_het_register_niet_kent_geeft_400_op_haar_plaats_in_de_lijst()
    {
        Weigering.Verwacht(DomainRuleException.InvalidStatus,
            Weigering.Van(() => RegistreerPlanVanAanpak.Beslis(null, Opdracht("FUMO", "ODX"), Register(Od("FUMO")))), "omgevingsdiensten[1]");
    }

    [Fact]
    public void een_od_die_op_de_ontvangstdatum_is_opgeheven_geeft_409()
    {
        var fout = Weigering.Verwacht(DomainRuleException.ConflictStatus, Weigering.Van(() =>
            RegistreerPlanVanAanpak.Beslis(null, Opdracht("ODNV"), Register(Od("ODNV", opgehevenOp: new DateOnly(2024, 7, 1))))));
        Assert.Contains("opgeheven op 2024-07-01", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_od_die_pas_na_de_ontvangstdatum_wordt_opgeheven_dient_in()
    {
        var events = RegistreerPlanVanAanpak.Beslis(null, Opdracht("ODRU"), Register(Od("ODRU", opgehevenOp: new DateOnly(2026, 1, 1))));

        Assert.IsType<PlanVanAanpakGeregistreerd>(Assert.Single(events));
    }

    [Fact]
    public void een_op_de_zelftoets_robuuste_od_geeft_409()
    {
        var fout = Weigering.Verwacht(DomainRuleException.ConflictStatus, Weigering.Van(() =>
            RegistreerPlanVanAanpak.Beslis(null, Opdracht("ODRU", "ODBN"), Register(Od("ODRU"), Od("ODBN", zelftoetsRobuust: true)))));
        Assert.Contains("ODBN", fout.Message, StringComparison.Ordinal);
    }
}
