using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class WijzigOmgevingsdienstTests
{
    private static WijzigOmgevingsdienst.Opdracht Opdracht(string? naam = null, IReadOnlyList<string>? provincies = null, int? aantal = null) =>
        new("ODA", naam, provincies, aantal, null, Ienw);

    [Fact]
    public void alle_gegevens_wijzigen() =>
        Verwacht(WijzigOmgevingsdienst.Beslis(Od("ODA"), Opdracht(" Nieuwe naam ", ["Gelderland"], 12)),
            new OmgevingsdienstGewijzigd("Nieuwe naam", ["Gelderland"], 12));

    [Fact]
    public void weggelaten_gegevens_blijven_zoals_ze_waren() =>
        Verwacht(WijzigOmgevingsdienst.Beslis(Od("ODA"), Opdracht(aantal: 9)),
            new OmgevingsdienstGewijzigd("Omgevingsdienst ODA", ["Utrecht"], 9));

    [Fact]
    public void een_wijziging_die_niets_verandert_legt_niets_vast() =>
        Verwacht(WijzigOmgevingsdienst.Beslis(Od("ODA"), Opdracht(" Omgevingsdienst ODA", ["Utrecht"], 7)));

    [Fact]
    public void een_opgeheven_dienst_wijzigen_geeft_409() =>
        Geweigerd(() => WijzigOmgevingsdienst.Beslis(Od("ODA", new Opgesplitst(["ODB", "ODC"], new DateOnly(2024, 1, 1))),
            Opdracht("Te laat")), 409);
}
