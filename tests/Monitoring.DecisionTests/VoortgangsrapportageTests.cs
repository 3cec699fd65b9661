using RobuustOD.Domain;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Rapportages;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

public sealed class MaakVoortgangsrapportageAanTests
{
    private static MaakVoortgangsrapportageAan.Opdracht Opdracht(string? namens = "ODA") => new("ODA", "voortgang1", namens, Ienw);

    [Fact]
    public void de_od_opent_zijn_concept_met_de_formatversie_van_de_ronde() =>
        Assert.Equal([new VoortgangsrapportageAangemaakt("ODA", "voortgang1", 3)],
            MaakVoortgangsrapportageAan.Beslis(null, Ronde(formatVersie: 3), true, Opdracht()).ToList());

    [Fact]
    public void ienw_opent_namens_de_od() =>
        Assert.Single(MaakVoortgangsrapportageAan.Beslis(null, Ronde(), true, Opdracht(namens: null)));

    [Fact]
    public void een_andere_od_is_verboden() =>
        Weigert(() => MaakVoortgangsrapportageAan.Beslis(null, Ronde(), true, Opdracht(namens: "ODB")), DomainRuleException.ForbiddenStatus);

    [Fact]
    public void een_onbekende_ronde_is_ongeldig() =>
        Weigert(() => MaakVoortgangsrapportageAan.Beslis(null, null, true, Opdracht()), DomainRuleException.InvalidStatus, "ronde");

    [Fact]
    public void een_od_die_het_register_niet_kent_is_ongeldig() =>
        Weigert(() => MaakVoortgangsrapportageAan.Beslis(null, Ronde(), false, Opdracht()), DomainRuleException.InvalidStatus, "omgevingsdienst");

    [Fact]
    public void een_tweede_rapportage_voor_de_ronde_is_een_conflict() =>
        Weigert(() => MaakVoortgangsrapportageAan.Beslis(Dossier("ODA", Aangemaakt()), Ronde(), true, Opdracht()), DomainRuleException.ConflictStatus, "ronde");

    [Fact]
    public void een_rapportage_voor_een_andere_ronde_mag() =>
        Assert.Single(MaakVoortgangsrapportageAan.Beslis(Dossier("ODA", Aangemaakt(ronde: "voortgang2")), Ronde(), true, Opdracht()));
}

public sealed class VulKerngetallenInTests
{
    private static VulKerngetallenIn.Opdracht Opdracht(string? namens = "ODA", params (string Code, decimal? Waarde)[] waarden) =>
        new("ODA", "voortgang1", waarden.ToDictionary(w => w.Code, w => w.Waarde), namens, Ienw, null);

    [Fact]
    public void de_kerngetallen_worden_als_geheel_ingevuld()
    {
        var e = Assert.IsType<KerngetallenIngevuld>(Assert.Single(VulKerngetallenIn.Beslis(Dossier("ODA", Aangemaakt()), Formaat(),
            Opdracht("ODA", ("totaalFte", 100), ("fteVasteDienst", null)))));
        Assert.Equal(100, e.Waarden["totaalFte"]);
        Assert.Null(e.Waarden["fteVasteDienst"]);
    }

    [Fact]
    public void dezelfde_kerngetallen_voegen_niets_toe() =>
        Assert.Empty(VulKerngetallenIn.Beslis(Dossier("ODA", Aangemaakt(), new KerngetallenIngevuld("voortgang1", new Dictionary<string, decimal?> { ["totaalFte"] = 100 })),
            Formaat(), Opdracht("ODA", ("totaalFte", 100))));

    [Fact]
    public void een_kerngetal_buiten_de_formatversie_is_ongeldig() =>
        Weigert(() => VulKerngetallenIn.Beslis(Dossier("ODA", Aangemaakt()), Formaat(), Opdracht("ODA", ("aantalKatten", 3))),
            DomainRuleException.InvalidStatus, "waarden.aantalKatten");

    [Fact]
    public void een_andere_od_is_verboden() =>
        Weigert(() => VulKerngetallenIn.Beslis(Dossier("ODA", Aangemaakt()), Formaat(), Opdracht("ODB", ("totaalFte", 1))), DomainRuleException.ForbiddenStatus);

    [Fact]
    public void zonder_concept_is_het_niet_gevonden() =>
        Weigert(() => VulKerngetallenIn.Beslis(null, Formaat(), Opdracht("ODA", ("totaalFte", 1))), DomainRuleException.NotFoundStatus);

    [Fact]
    public void een_ingediende_rapportage_wijzigt_niet() =>
        Weigert(() => VulKerngetallenIn.Beslis(Dossier("ODA", Aangemaakt(), Ingediend()), Formaat(), Opdracht("ODA", ("totaalFte", 1))), DomainRuleException.ConflictStatus);
}

public sealed class VulCriteriumInTests
{
    private static VulCriteriumIn.Opdracht Opdracht(int nummer = 7, string? maatregelen = "Vaste formatie", int? haalbaarheid = 2,
        string? risicos = null, string? namens = "ODA") =>
        new("ODA", "voortgang1", nummer, maatregelen, [new PlanningRegel("2025-Q3", "Werving")], risicos, haalbaarheid, namens, Ienw, null);

    [Fact]
    public void het_criterium_wordt_ingevuld()
    {
        var e = Assert.IsType<CriteriumIngevuld>(Assert.Single(VulCriteriumIn.Beslis(Dossier("ODA", Aangemaakt()), Formaat(), Opdracht())));
        Assert.Equal(("voortgang1", 7, "Vaste formatie", (string?)null, (int?)2), (e.Ronde, e.Nummer, e.Maatregelen, e.Risicos, e.Haalbaarheid));
        Assert.Equal([new PlanningRegel("2025-Q3", "Werving")], e.Planning);
    }

    [Fact]
    public void hetzelfde_nog_eens_voegt_niets_toe() =>
        Assert.Empty(VulCriteriumIn.Beslis(Dossier("ODA", Aangemaakt(),
            new CriteriumIngevuld("voortgang1", 7, "Vaste formatie", [new PlanningRegel("2025-Q3", "Werving")], null, 2)), Formaat(), Opdracht()));

    [Fact]
    public void een_criterium_buiten_de_formatversie_is_ongeldig() =>
        Weigert(() => VulCriteriumIn.Beslis(Dossier("ODA", Aangemaakt()), Formaat(), Opdracht(nummer: 4)), DomainRuleException.InvalidStatus, "nummer");

    [Fact]
    public void een_onderdeel_waar_het_format_niet_om_vraagt_is_ongeldig() =>
        Weigert(() => VulCriteriumIn.Beslis(Dossier("ODA", Aangemaakt()), Formaat(), Opdracht(nummer: 10)), DomainRuleException.InvalidStatus, "planning");

    [Fact]
    public void een_andere_od_is_verboden() =>
        Weigert(() => VulCriteriumIn.Beslis(Dossier("ODA", Aangemaakt()), Formaat(), Opdracht(namens: "ODB")), DomainRuleException.ForbiddenStatus);

    [Fact]
    public void een_ingediende_rapportage_wijzigt_niet() =>
        Weigert(() => VulCriteriumIn.Beslis(Dossier("ODA", Aangemaakt(), Ingediend()), Formaat(), Opdracht()), DomainRuleException.ConflictStatus);
}

public sealed class DienVoortgangsrapportageInTests
{
    private static DienVoortgangsrapportageIn.Opdracht Opdracht(string? namens = "ODA") => new("ODA", "voortgang1", "Klaar", namens, Ienw, null);

    [Fact]
    public void het_concept_wordt_ingediend_op_het_moment_van_de_handeling_en_legt_de_drempels_vast()
    {
        var events = DienVoortgangsrapportageIn.Beslis(Dossier("ODA", Aangemaakt()), Drempels(), null, Opdracht()).ToList();
        Assert.Equal(new VoortgangsrapportageIngediend("voortgang1", "Klaar", Ienw.Op), events[0]);
        var vastgelegd = Assert.IsType<IndieningVastgelegd>(events[1]);
        Assert.Equal(("voortgang1", "ienw", (DateOnly?)null, (int?)null), (vastgelegd.Ronde, vastgelegd.Door, vastgelegd.IndienenUiterlijk, vastgelegd.DagenTeLaat));
        Assert.Equal(Drempels().Drempels, vastgelegd.Drempels.Drempels);
    }

    [Fact]
    public void op_de_termijn_ingediend_is_niet_te_laat() =>
        Assert.Null(Assert.IsType<IndieningVastgelegd>(DienVoortgangsrapportageIn.Beslis(Dossier("ODA", Aangemaakt()), Drempels(),
            DateOnly.FromDateTime(Ienw.Op.UtcDateTime), Opdracht()).Last()).DagenTeLaat);

    [Fact]
    public void na_de_termijn_ingediend_legt_de_dagen_te_laat_vast()
    {
        var termijn = DateOnly.FromDateTime(Ienw.Op.UtcDateTime).AddDays(-3);
        var vastgelegd = Assert.IsType<IndieningVastgelegd>(DienVoortgangsrapportageIn.Beslis(Dossier("ODA", Aangemaakt()), Drempels(), termijn, Opdracht()).Last());
        Assert.Equal((termijn, 3), (vastgelegd.IndienenUiterlijk!.Value, vastgelegd.DagenTeLaat!.Value));
    }

    [Fact]
    public void een_tweede_indiening_is_een_conflict() =>
        Weigert(() => DienVoortgangsrapportageIn.Beslis(Dossier("ODA", Aangemaakt(), Ingediend()), Drempels(), null, Opdracht()), DomainRuleException.ConflictStatus);

    [Fact]
    public void zonder_concept_is_het_niet_gevonden() =>
        Weigert(() => DienVoortgangsrapportageIn.Beslis(null, Drempels(), null, Opdracht()), DomainRuleException.NotFoundStatus);

    [Fact]
    public void een_andere_od_is_verboden() =>
        Weigert(() => DienVoortgangsrapportageIn.Beslis(Dossier("ODA", Aangemaakt()), Drempels(), null, Opdracht("ODB")), DomainRuleException.ForbiddenStatus);
}

public sealed class ToegangTests
{
    private static Voortgangsrapportage Concept => Dossier("ODA", Aangemaakt()).Rapportage("voortgang1")!;

    private static Voortgangsrapportage Ingediende => Dossier("ODA", Aangemaakt(), Ingediend()).Rapportage("voortgang1")!;

    [Fact]
    public void ienw_en_beoordelaar_lezen_elk_concept() => Assert.True(Toegang.MagLezen(new Lezer(true, null), "ODA", Concept));

    [Fact]
    public void de_od_leest_zijn_eigen_concept() => Assert.True(Toegang.MagLezen(new Lezer(false, "ODA"), "ODA", Concept));

    [Fact]
    public void een_andere_od_leest_geen_concept_en_geen_ingediende_rapportage()
    {
        Assert.False(Toegang.MagLezen(new Lezer(false, "ODB"), "ODA", Concept));
        Assert.False(Toegang.MagLezen(new Lezer(false, "ODB"), "ODA", Ingediende));
    }

    [Fact]
    public void andere_rollen_lezen_alleen_wat_is_ingediend()
    {
        Assert.False(Toegang.MagLezen(new Lezer(false, null), "ODA", Concept));
        Assert.True(Toegang.MagLezen(new Lezer(false, null), "ODA", Ingediende));
    }

    [Fact]
    public void een_rapportage_id_is_code_en_ronde()
    {
        Assert.Equal(("ODG", "voortgang1"), RapportageId.Lees("ODG-voortgang1"));
        Assert.Equal(DomainRuleException.NotFoundStatus, Assert.Throws<DomainRuleException>(() => RapportageId.Lees("ODG-")).Status);
    }
}
