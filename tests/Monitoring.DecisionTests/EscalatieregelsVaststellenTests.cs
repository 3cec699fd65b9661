using RobuustOD.Domain;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Rondes;
using static RobuustOD.Monitoring.DecisionTests.GegevenBijsturing;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>The rules and the outcome categories are versioned data with their own checks.</summary>
public sealed class EscalatieregelsVaststellenTests
{
    private static readonly Dictionary<string, RondeSoort> Rondes = new()
    {
        ["voortgang1"] = RondeSoort.Voortgang, ["voortgang2"] = RondeSoort.Voortgang, ["voortgang3"] = RondeSoort.Voortgang,
        ["eindrapportage"] = RondeSoort.Eindrapportage,
    };

    private static StelEscalatieregelsVast.Opdracht Opdracht(params Escalatieregel[] regels) => new(regels, Gegeven.Ienw, null);

    [Fact]
    public void een_nieuwe_versie_na_de_laatste_en_dezelfde_regels_voegen_niets_toe()
    {
        var eerste = Assert.IsType<EscalatieregelsVastgesteld>(Assert.Single(StelEscalatieregelsVast.Beslis(null, Rondes, Categorieen, Opdracht([.. Regels.Regels]))));
        Assert.Equal(1, eerste.Versie);
        var huidig = Escalatieregels.Create(eerste);
        Assert.Empty(StelEscalatieregelsVast.Beslis(huidig, Rondes, Categorieen, Opdracht([.. Regels.Regels])));
        var tweede = Assert.IsType<EscalatieregelsVastgesteld>(Assert.Single(StelEscalatieregelsVast.Beslis(huidig, Rondes, Categorieen, Opdracht(Regels.Regels[0]))));
        Assert.Equal(2, tweede.Versie);
    }

    [Fact]
    public void een_onbekende_ronde_of_uitkomst_of_een_dubbele_code_is_400()
    {
        var regel = Regels.Regels[0];
        Gegeven.Weigert(() => StelEscalatieregelsVast.Beslis(null, Rondes, Categorieen, Opdracht(regel, regel with { Ronde = "voortgang9" })),
            DomainRuleException.InvalidStatus, "regels");
        Gegeven.Weigert(() => StelEscalatieregelsVast.Beslis(null, Rondes, Categorieen, Opdracht(regel with { Ronde = "voortgang9" })),
            DomainRuleException.InvalidStatus, "regels[0].ronde");
        Gegeven.Weigert(() => StelEscalatieregelsVast.Beslis(null, Rondes, Categorieen, Opdracht(regel with { Uitkomsten = ["onzeker", "bestaatNiet"] })),
            DomainRuleException.InvalidStatus, "regels[0].uitkomsten");
        Gegeven.Weigert(() => StelEscalatieregelsVast.Beslis(null, Rondes, Categorieen, Opdracht(regel with { Eindresultaten = [Eindresultaat.Nee] })),
            DomainRuleException.InvalidStatus, "regels[0].eindresultaten");
        Assert.Single(StelEscalatieregelsVast.Beslis(null, Rondes, Categorieen, Opdracht(Regels.Regels[2])));
    }

    [Fact]
    public void uitkomstcategorieen_krijgen_versies_en_een_categorie_die_een_regel_noemt_blijft()
    {
        var o = new StelUitkomstcategorieenVast.Opdracht([.. Categorieen.Categorieen], Gegeven.Ienw, null);
        var eerste = Assert.IsType<UitkomstcategorieenVastgesteld>(Assert.Single(StelUitkomstcategorieenVast.Beslis(null, Regels, o)));
        var huidig = Uitkomstcategorieen.Create(eerste);
        Assert.Empty(StelUitkomstcategorieenVast.Beslis(huidig, Regels, o));

        var regels = new EscalatieregelsVersie(2, [Regels.Regels[0] with { Uitkomsten = ["onzeker"] }], Gegeven.Ienw.Op);
        var zonderOnzeker = o with { Categorieen = [.. Categorieen.Categorieen.Where(c => c.Code != "onzeker")] };
        Gegeven.Weigert(() => StelUitkomstcategorieenVast.Beslis(huidig, regels, zonderOnzeker), DomainRuleException.ConflictStatus, "categorieen");
        Assert.Equal(2, Assert.IsType<UitkomstcategorieenVastgesteld>(Assert.Single(StelUitkomstcategorieenVast.Beslis(huidig, Regels, zonderOnzeker))).Versie);
        Gegeven.Weigert(() => StelUitkomstcategorieenVast.Beslis(huidig, Regels, o with { Categorieen = [.. Categorieen.Categorieen, Categorieen.Categorieen[0]] }),
            DomainRuleException.InvalidStatus, "categorieen");
    }
}
