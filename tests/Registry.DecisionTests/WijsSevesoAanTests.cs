using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class WijsSevesoAanTests
{
    private static readonly DateOnly Lopend = new(2020, 1, 1);

    private static WijsSevesoAan.Opdracht Opdracht(DateOnly? ingangsdatum, params string[] provincies) =>
        new("ODA", provincies, ingangsdatum, null, Ienw);

    private static IEnumerable<object> Beslis(Omgevingsdienst od, WijsSevesoAan.Opdracht o, params Omgevingsdienst[] anderen) =>
        WijsSevesoAan.Beslis(od, o, anderen);

    [Fact]
    public void een_eerste_aanwijzing() =>
        Verwacht(Beslis(Od("ODA"), Opdracht(new DateOnly(2021, 1, 1), "Utrecht", "Flevoland")),
            new SevesoAangewezen(["Utrecht", "Flevoland"], new DateOnly(2021, 1, 1)));

    [Fact]
    public void een_aanwijzing_van_voor_de_registratie_heeft_geen_ingangsdatum() =>
        Verwacht(Beslis(Od("ODA"), Opdracht(null, "Utrecht")), new SevesoAangewezen(["Utrecht"], null));

    [Fact]
    public void een_andere_set_provincies_vervangt_de_lopende_aanwijzing_vanaf_de_nieuwe_datum() =>
        Verwacht(Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], Lopend)), Opdracht(new DateOnly(2024, 1, 1), "Utrecht", "Flevoland")),
            new SevesoIngetrokken(new DateOnly(2024, 1, 1)), new SevesoAangewezen(["Utrecht", "Flevoland"], new DateOnly(2024, 1, 1)));

    [Fact]
    public void dezelfde_provincies_nogmaals_aanwijzen_legt_niets_vast() =>
        Verwacht(Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], Lopend)), Opdracht(new DateOnly(2024, 1, 1), "Utrecht")));

    [Fact]
    public void een_provincie_van_een_ingetrokken_aanwijzing_elders_is_vrij() =>
        Verwacht(Beslis(Od("ODA"), Opdracht(new DateOnly(2024, 1, 1), "Zeeland"),
                Od("ODB", new SevesoAangewezen(["Zeeland"], Lopend), new SevesoIngetrokken(new DateOnly(2024, 1, 1)))),
            new SevesoAangewezen(["Zeeland"], new DateOnly(2024, 1, 1)));

    [Fact]
    public void een_provincie_met_een_lopende_aanwijzing_elders_geeft_409_met_die_dienst()
    {
        var fout = Geweigerd(() => Beslis(Od("ODA"), Opdracht(new DateOnly(2024, 1, 1), "Zeeland", "Utrecht"),
            Od("ODB", new SevesoAangewezen(["Zeeland"], null))), 409);
        Assert.Contains("Zeeland (ODB)", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_opgeheven_dienst_aanwijzen_geeft_409() =>
        Geweigerd(() => Beslis(Od("ODA", new Opgesplitst(["ODB", "ODC"], new DateOnly(2024, 1, 1))),
            Opdracht(new DateOnly(2021, 1, 1), "Utrecht")), 409);

    [Fact]
    public void een_lopende_aanwijzing_wijzigen_zonder_ingangsdatum_geeft_400_op_ingangsdatum() =>
        Geweigerd(() => Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], Lopend)), Opdracht(null, "Flevoland")), 400, "ingangsdatum");

    [Fact]
    public void een_lopende_aanwijzing_wijzigen_per_een_datum_ervoor_geeft_400_op_ingangsdatum() =>
        Geweigerd(() => Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], Lopend)), Opdracht(Lopend.AddDays(-1), "Flevoland")),
            400, "ingangsdatum");

    [Fact]
    public void een_ingangsdatum_voor_de_oprichting_geeft_400_op_ingangsdatum() =>
        Geweigerd(() => Beslis(Od("ODA"), Opdracht(Opgericht.AddDays(-1), "Utrecht")), 400, "ingangsdatum");

    [Fact]
    public void een_ingangsdatum_voor_de_oprichting_geeft_ook_bij_een_vervanging_400_en_legt_niets_vast() =>
        Geweigerd(() => Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], null)), Opdracht(Opgericht.AddDays(-1), "Flevoland")),
            400, "ingangsdatum");
}
