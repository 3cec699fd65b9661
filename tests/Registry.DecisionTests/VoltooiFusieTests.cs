using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class VoltooiFusieTests
{
    private static readonly DateOnly Ingang = new(2026, 1, 1);

    private static readonly FusieAangekondigd Aankondiging =
        new("ODGM", "OD Gelderland-Midden", ["Gelderland"], 16, ["ODA", "ODB"], Ingang, new DateOnly(2025, 3, 1));

    private static readonly VoltooiFusie.Opdracht Opdracht = new("ODGM", Ienw);

    private static AangekondigdeFusie Fusie(FusieStatus status = FusieStatus.Aangekondigd) => Od("ODA", Aankondiging).Fusie! with { Status = status };

    [Fact]
    public void een_deelnemer_wordt_opgeheven_en_gaat_verder_als_de_opvolger() =>
        Verwacht(VoltooiFusie.Beslis(Od("ODA", Aankondiging), Opdracht, Fusie()), new FusieVoltooid("ODGM", Ingang));

    [Fact]
    public void de_seveso_aanwijzing_van_een_deelnemer_eindigt_op_de_ingangsdatum() =>
        Verwacht(VoltooiFusie.Beslis(Od("ODB", new SevesoAangewezen(["Gelderland"], null), Aankondiging), Opdracht, Fusie()),
            new SevesoIngetrokken(Ingang), new FusieVoltooid("ODGM", Ingang));

    [Fact]
    public void een_voltooide_fusie_nogmaals_voltooien_geeft_409() =>
        Geweigerd(() => VoltooiFusie.Beslis(Od("ODA", Aankondiging), Opdracht, Fusie(FusieStatus.Voltooid)), 409);

    [Fact]
    public void een_geannuleerde_fusie_voltooien_geeft_409() =>
        Geweigerd(() => VoltooiFusie.Beslis(Od("ODA", Aankondiging), Opdracht, Fusie(FusieStatus.Geannuleerd)), 409);

    [Fact]
    public void een_deelnemer_die_intussen_een_andere_fusie_heeft_geeft_409() =>
        Geweigerd(() => VoltooiFusie.Beslis(
            Od("ODA", Aankondiging, new FusieGeannuleerd("ODGM", null), Aankondiging with { AangekondigdOp = new DateOnly(2025, 6, 1) }),
            Opdracht, Fusie()), 409);

    [Fact]
    public void een_deelnemer_zonder_fusie_geeft_409() =>
        Geweigerd(() => VoltooiFusie.Beslis(Od("ODA"), Opdracht, Fusie()), 409);

    [Fact]
    public void de_opvolger_wordt_opgericht_op_de_ingangsdatum_met_de_deelnemers_als_voorgangers() =>
        Verwacht(VoltooiFusie.BeslisOpvolger([Od("ODA", Aankondiging), Od("ODB", Aankondiging)], Fusie()),
            new OmgevingsdienstGeregistreerd("ODGM", "OD Gelderland-Midden", ["Gelderland"], 16, Ingang, ["ODA", "ODB"]));

    [Fact]
    public void de_opvolger_krijgt_de_seveso_provincies_van_alle_deelnemers_elk_een_keer() =>
        Verwacht(VoltooiFusie.BeslisOpvolger(
                [Od("ODA", new SevesoAangewezen(["Gelderland"], null), Aankondiging),
                 Od("ODB", new SevesoAangewezen(["Overijssel", "Gelderland"], null), Aankondiging)], Fusie()),
            new OmgevingsdienstGeregistreerd("ODGM", "OD Gelderland-Midden", ["Gelderland"], 16, Ingang, ["ODA", "ODB"]),
            new SevesoAangewezen(["Gelderland", "Overijssel"], Ingang));

    [Fact]
    public void een_ingetrokken_aanwijzing_gaat_niet_mee_naar_de_opvolger() =>
        Verwacht(VoltooiFusie.BeslisOpvolger(
                [Od("ODA", new SevesoAangewezen(["Gelderland"], null), new SevesoIngetrokken(new DateOnly(2025, 1, 1)), Aankondiging),
                 Od("ODB", Aankondiging)], Fusie()),
            new OmgevingsdienstGeregistreerd("ODGM", "OD Gelderland-Midden", ["Gelderland"], 16, Ingang, ["ODA", "ODB"]));
}
