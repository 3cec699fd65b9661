using RobuustOD.Domain;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Format;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

public sealed class RapportageformatTests
{
    private static StelRapportageformatVast.Opdracht Opdracht(IReadOnlyList<Kerngetal>? kerngetallen = null,
        IReadOnlyList<MeetbaarCriterium>? drempels = null, IReadOnlyList<FormatCriterium>? criteria = null) =>
        new(criteria ?? Criteria, kerngetallen ?? Kerngetallen, drempels ?? MeetbareCriteria, Ienw, null);

    [Fact]
    public void de_eerste_editie_is_versie_1()
    {
        var e = Assert.IsType<RapportageformatVastgesteld>(Assert.Single(StelRapportageformatVast.Beslis(null, Opdracht())));
        Assert.Equal(1, e.Versie);
        Assert.Equal(4, e.MeetbareCriteria.Count);
    }

    [Fact]
    public void een_kerngetal_dat_ienw_toevoegt_is_een_nieuwe_editie()
    {
        var e = Assert.IsType<RapportageformatVastgesteld>(Assert.Single(StelRapportageformatVast.Beslis(Formaat(),
            Opdracht(kerngetallen: [.. Kerngetallen, new Kerngetal("aantalVergunningen", "Aantal vergunningen", Eenheid.Aantal)]))));
        Assert.Equal(2, e.Versie);
        Assert.Contains(e.Kerngetallen, k => k.Code == "aantalVergunningen");
    }

    [Fact]
    public void dezelfde_inhoud_als_de_huidige_editie_voegt_niets_toe() =>
        Assert.Empty(StelRapportageformatVast.Beslis(Formaat(), Opdracht()));

    [Fact]
    public void een_meting_op_een_onbekend_kerngetal_is_ongeldig() =>
        Weigert(() => StelRapportageformatVast.Beslis(null, Opdracht(drempels: [MeetbareCriteria[0] with { Kerngetal = "onbekend" }])),
            DomainRuleException.InvalidStatus, "meetbareCriteria[0].kerngetal");

    [Fact]
    public void een_meting_met_een_onbekende_noemer_is_ongeldig() =>
        Weigert(() => StelRapportageformatVast.Beslis(null, Opdracht(drempels: [MeetbareCriteria[0] with { Noemer = "onbekend" }])),
            DomainRuleException.InvalidStatus, "meetbareCriteria[0].noemer");

    [Fact]
    public void een_meting_voor_een_criterium_buiten_het_format_is_ongeldig() =>
        Weigert(() => StelRapportageformatVast.Beslis(null, Opdracht(drempels: [MeetbareCriteria[0] with { Criterium = 4 }])),
            DomainRuleException.InvalidStatus, "meetbareCriteria[0].criterium");

    [Fact]
    public void een_dubbel_kerngetal_is_ongeldig() =>
        Weigert(() => StelRapportageformatVast.Beslis(null, Opdracht(kerngetallen: [.. Kerngetallen, Kerngetallen[0]])),
            DomainRuleException.InvalidStatus, "kerngetallen");

    [Fact]
    public void een_dubbel_criterium_is_ongeldig() =>
        Weigert(() => StelRapportageformatVast.Beslis(null, Opdracht(criteria: [.. Criteria, Criteria[0]])),
            DomainRuleException.InvalidStatus, "criteria");

    [Fact]
    public void twee_metingen_voor_een_criterium_zijn_ongeldig() =>
        Weigert(() => StelRapportageformatVast.Beslis(null, Opdracht(drempels: [.. MeetbareCriteria, MeetbareCriteria[0]])),
            DomainRuleException.InvalidStatus, "meetbareCriteria");
}
