using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class LegZelftoetsVastTests
{
    private static readonly DateOnly Opgeheven = new(2024, 1, 1);

    private static LegZelftoetsVast.Opdracht Opdracht(bool robuust, DateOnly beoordeeldOp, string? toelichting = null) =>
        new("ODA", robuust, beoordeeldOp, toelichting, null, Ienw);

    [Fact]
    public void een_zelftoets_vastleggen() =>
        Verwacht(LegZelftoetsVast.Beslis(Od("ODA"), Opdracht(true, new DateOnly(2023, 10, 1), "Voldoet")),
            new ZelftoetsVastgelegd(true, new DateOnly(2023, 10, 1), "Voldoet"));

    [Fact]
    public void een_andere_uitkomst_vervangt_de_vorige() =>
        Verwacht(LegZelftoetsVast.Beslis(Od("ODA", new ZelftoetsVastgelegd(false, new DateOnly(2022, 1, 1), null)),
                Opdracht(true, new DateOnly(2023, 10, 1))),
            new ZelftoetsVastgelegd(true, new DateOnly(2023, 10, 1), null));

    [Fact]
    public void dezelfde_uitkomst_nogmaals_legt_niets_vast() =>
        Verwacht(LegZelftoetsVast.Beslis(Od("ODA", new ZelftoetsVastgelegd(true, new DateOnly(2023, 10, 1), "Voldoet")),
            Opdracht(true, new DateOnly(2023, 10, 1), "Voldoet")));

    [Fact]
    public void een_zelftoets_van_voor_de_opheffing_mag_nog() =>
        Verwacht(LegZelftoetsVast.Beslis(Od("ODA", new Opgesplitst(["ODB", "ODC"], Opgeheven)), Opdracht(true, Opgeheven.AddDays(-1))),
            new ZelftoetsVastgelegd(true, Opgeheven.AddDays(-1), null));

    [Fact]
    public void een_zelftoets_op_of_na_de_opheffing_geeft_409() =>
        Geweigerd(() => LegZelftoetsVast.Beslis(Od("ODA", new Opgesplitst(["ODB", "ODC"], Opgeheven)), Opdracht(true, Opgeheven)), 409);
}
