using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class SplitsOpTests
{
    private static readonly DateOnly Ingang = new(2027, 1, 1);

    private static readonly NieuweOmgevingsdienst Noord = new("ODN", " OD Noord ", ["Fryslân"], 9);

    private static readonly NieuweOmgevingsdienst Zuid = new("ODZ", "OD Zuid", ["Fryslân", "Drenthe"], null);

    private static SplitsOp.Opdracht Opdracht(string? sevesoOpvolger = null, DateOnly? ingangsdatum = null) =>
        new("ODA", [Noord, Zuid], ingangsdatum ?? Ingang, sevesoOpvolger, null, Ienw);

    private static IEnumerable<object> Beslis(Omgevingsdienst od, SplitsOp.Opdracht o, params string[] bestaand) =>
        SplitsOp.Beslis(od, o, bestaand.ToHashSet());

    [Fact]
    public void opsplitsen_heft_de_dienst_op_met_de_opvolgers() =>
        Verwacht(Beslis(Od("ODA"), Opdracht()), new Opgesplitst(["ODN", "ODZ"], Ingang));

    [Fact]
    public void een_lopende_seveso_aanwijzing_eindigt_op_de_ingangsdatum() =>
        Verwacht(Beslis(Od("ODA", new SevesoAangewezen(["Fryslân"], new DateOnly(2021, 1, 1))), Opdracht("ODZ")),
            new SevesoIngetrokken(Ingang), new Opgesplitst(["ODN", "ODZ"], Ingang));

    [Fact]
    public void een_geannuleerde_fusie_staat_opsplitsen_niet_in_de_weg() =>
        Verwacht(Beslis(Od("ODA", Fusie("ODX"), new FusieGeannuleerd("ODX", null)), Opdracht()), new Opgesplitst(["ODN", "ODZ"], Ingang));

    [Fact]
    public void een_dienst_zonder_bekende_oprichting_kan_worden_opgesplitst() =>
        Verwacht(Beslis(Od(Geregistreerd("ODA") with { OpgerichtOp = null }), Opdracht()), new Opgesplitst(["ODN", "ODZ"], Ingang));

    [Fact]
    public void een_opvolger_die_al_bestaat_geeft_409_op_zijn_code() =>
        Geweigerd(() => Beslis(Od("ODA"), Opdracht(), "ODZ"), 409, "opvolgers[1].code");

    [Fact]
    public void een_opvolger_die_alleen_in_hoofdletters_verschilt_van_een_bestaande_geeft_409_op_zijn_code()
    {
        var fout = Geweigerd(() => Beslis(Od("ODA"), Opdracht(), "odz"), 409, "opvolgers[1].code");
        Assert.Contains("'odz'", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_opgeheven_dienst_opsplitsen_geeft_409() =>
        Geweigerd(() => Beslis(Od("ODA", new Opgesplitst(["ODB", "ODC"], new DateOnly(2024, 1, 1))), Opdracht()), 409);

    [Fact]
    public void een_dienst_met_een_aangekondigde_fusie_opsplitsen_geeft_409() =>
        Geweigerd(() => Beslis(Od("ODA", Fusie("ODX")), Opdracht()), 409);

    [Fact]
    public void een_ingangsdatum_op_de_oprichting_geeft_400_op_ingangsdatum() =>
        Geweigerd(() => Beslis(Od("ODA"), Opdracht(ingangsdatum: Opgericht)), 400, "ingangsdatum");

    [Fact]
    public void een_opvolger_wordt_geregistreerd_met_de_dienst_als_voorganger_vanaf_de_ingangsdatum() =>
        Verwacht(SplitsOp.BeslisOpvolger(Od("ODA"), Opdracht(), Noord),
            new OmgevingsdienstGeregistreerd("ODN", "OD Noord", ["Fryslân"], 9, Ingang, ["ODA"]));

    [Fact]
    public void de_seveso_opvolger_krijgt_de_lopende_aanwijzing() =>
        Verwacht(SplitsOp.BeslisOpvolger(Od("ODA", new SevesoAangewezen(["Fryslân", "Groningen"], null)), Opdracht("ODZ"), Zuid),
            new OmgevingsdienstGeregistreerd("ODZ", "OD Zuid", ["Fryslân", "Drenthe"], null, Ingang, ["ODA"]),
            new SevesoAangewezen(["Fryslân", "Groningen"], Ingang));

    [Fact]
    public void de_andere_opvolger_krijgt_geen_aanwijzing() =>
        Verwacht(SplitsOp.BeslisOpvolger(Od("ODA", new SevesoAangewezen(["Fryslân"], null)), Opdracht("ODZ"), Noord),
            new OmgevingsdienstGeregistreerd("ODN", "OD Noord", ["Fryslân"], 9, Ingang, ["ODA"]));

    [Fact]
    public void zonder_lopende_aanwijzing_krijgt_ook_de_seveso_opvolger_geen_aanwijzing() =>
        Verwacht(SplitsOp.BeslisOpvolger(
                Od("ODA", new SevesoAangewezen(["Fryslân"], null), new SevesoIngetrokken(new DateOnly(2025, 1, 1))), Opdracht("ODZ"), Zuid),
            new OmgevingsdienstGeregistreerd("ODZ", "OD Zuid", ["Fryslân", "Drenthe"], null, Ingang, ["ODA"]));

    private static FusieAangekondigd Fusie(string opvolger) =>
        new(opvolger, "Opvolger", ["Fryslân"], null, ["ODA", "ODB"], new DateOnly(2026, 1, 1), new DateOnly(2025, 1, 1));
}
