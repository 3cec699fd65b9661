using RobuustOD.Domain;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

public sealed class CorrectieTests
{
    private static readonly KerngetallenIngevuld Kerngetallen100 = new("voortgang1", new Dictionary<string, decimal?> { ["totaalFte"] = 100, ["fteVasteDienst"] = 70 });

    private static Monitoringdossier Ingediende(params object[] meer) =>
        Dossier("ODA", [Aangemaakt(), Kerngetallen100, new CriteriumIngevuld("voortgang1", 7, "Werven", [], null, 3), Ingediend(), Vastgelegd(), .. meer]);

    private static CorrigeerVoortgangsrapportage.Opdracht Opdracht(IReadOnlyDictionary<string, decimal?>? kerngetallen = null,
        IReadOnlyList<CriteriumRapportage>? criteria = null, string? toelichting = null, string? namens = "ODA") =>
        new("ODA", "voortgang1", "Telfout in de formatie", kerngetallen, criteria ?? [], toelichting, namens, Ienw, null);

    [Fact]
    public void een_correctie_is_versie_2_met_reden_wie_en_wanneer_en_de_hele_inhoud()
    {
        var e = Assert.IsType<VoortgangsrapportageGecorrigeerd>(Assert.Single(CorrigeerVoortgangsrapportage.Beslis(Ingediende(), Formaat(),
            Opdracht(kerngetallen: new Dictionary<string, decimal?> { ["totaalFte"] = 100, ["fteVasteDienst"] = 85 }))));
        Assert.Equal((2, "Telfout in de formatie", "ienw", Ienw.Op), (e.Versie, e.Reden, e.Door, e.Op));
        Assert.Equal(85, e.Kerngetallen["fteVasteDienst"]);
        Assert.Equal("Werven", Assert.Single(e.Criteria).Maatregelen);
    }

    [Fact]
    public void een_rij_vervangt_alleen_dat_criterium_en_de_versies_blijven()
    {
        var eerste = Ingediende();
        var e = Assert.IsType<VoortgangsrapportageGecorrigeerd>(Assert.Single(CorrigeerVoortgangsrapportage.Beslis(eerste, Formaat(),
            Opdracht(criteria: [new CriteriumRapportage(1, "Planning per kwartaal", [], null, 2)]))));
        Assert.Equal([1, 7], e.Criteria.Select(c => c.Nummer));
        var dossier = Ingediende(e);
        var r = dossier.Rapportage("voortgang1")!;
        Assert.Equal([1, 2], r.Versies.Select(v => v.Versie));
        Assert.Single(r.Versies[0].Inhoud.Criteria);
        Assert.Equal(2, r.Inhoud.Criteria.Count);
        Assert.Equal(70, r.Kerngetallen["fteVasteDienst"]);
    }

    [Fact]
    public void een_derde_versie_telt_door() =>
        Assert.Equal(3, Assert.IsType<VoortgangsrapportageGecorrigeerd>(Assert.Single(CorrigeerVoortgangsrapportage.Beslis(
            Ingediende(new VoortgangsrapportageGecorrigeerd("voortgang1", 2, "x", Kerngetallen100.Waarden, [], "a", "ienw", Ienw.Op)),
            Formaat(), Opdracht(toelichting: "b")))).Versie);

    [Fact]
    public void een_concept_corrigeer_je_niet() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(Dossier("ODA", Aangemaakt()), Formaat(), Opdracht(toelichting: "x")), DomainRuleException.ConflictStatus);

    [Fact]
    public void een_correctie_die_niets_wijzigt_is_een_conflict() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(Ingediende(), Formaat(), Opdracht(kerngetallen: Kerngetallen100.Waarden)), DomainRuleException.ConflictStatus);

    [Fact]
    public void een_andere_od_is_verboden() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(Ingediende(), Formaat(), Opdracht(toelichting: "x", namens: "ODB")), DomainRuleException.ForbiddenStatus);

    [Fact]
    public void zonder_rapportage_is_het_niet_gevonden() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(null, Formaat(), Opdracht(toelichting: "x")), DomainRuleException.NotFoundStatus);

    [Fact]
    public void een_onbekend_kerngetal_is_ongeldig() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(Ingediende(), Formaat(), Opdracht(kerngetallen: new Dictionary<string, decimal?> { ["aantalKatten"] = 1 })),
            DomainRuleException.InvalidStatus, "kerngetallen.aantalKatten");

    [Fact]
    public void een_criterium_buiten_het_format_is_ongeldig() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(Ingediende(), Formaat(), Opdracht(criteria: [new CriteriumRapportage(4, "x", [], null, 1)])),
            DomainRuleException.InvalidStatus, "criteria[0].nummer");

    [Fact]
    public void een_onderdeel_waar_het_format_niet_om_vraagt_is_ongeldig() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(Ingediende(), Formaat(), Opdracht(criteria: [new CriteriumRapportage(10, "x", [], null, 1)])),
            DomainRuleException.InvalidStatus, "criteria[0].haalbaarheid");

    [Fact]
    public void tweemaal_hetzelfde_criterium_is_ongeldig() =>
        Weigert(() => CorrigeerVoortgangsrapportage.Beslis(Ingediende(), Formaat(),
            Opdracht(criteria: [new CriteriumRapportage(1, "x", [], null, 1), new CriteriumRapportage(1, "y", [], null, 1)])), DomainRuleException.InvalidStatus, "criteria");

    [Fact]
    public void het_verschil_noemt_kerngetallen_rijen_en_de_gevolgen_voor_de_beoordeling()
    {
        var oud = Ingediende().Rapportage("voortgang1")!.Inhoud;
        var nieuw = oud with
        {
            Kerngetallen = new() { ["totaalFte"] = 100, ["fteVasteDienst"] = 85 },
            Criteria = [oud.Criteria[0] with { Haalbaarheid = 1, Planning = [new PlanningRegel("2025-Q4", "Vast contract")] }],
        };
        var f = Formaat().Huidig!;
        var verschil = Rapportageverschil.Tussen(oud, nieuw, Evaluatie.Van(f, Drempels(), oud.Kerngetallen), Evaluatie.Van(f, Drempels(), nieuw.Kerngetallen));
        Assert.Equal([new WaardeWijziging("fteVasteDienst", 70, 85)], verschil.Kerngetallen);
        var rij = Assert.Single(verschil.Criteria);
        Assert.Equal((7, new KleurWijziging(3, 1)), (rij.Nummer, rij.Haalbaarheid!));
        Assert.Equal([new PlanningRegel("2025-Q4", "Vast contract")], rij.Planning!.Toegevoegd);
        Assert.Null(rij.Maatregelen);
        Assert.Equal([new UitkomstWijziging(7, Uitkomst.Rood, Uitkomst.Groen)], verschil.Evaluatie);
        Assert.Null(verschil.Toelichting);
    }
}
