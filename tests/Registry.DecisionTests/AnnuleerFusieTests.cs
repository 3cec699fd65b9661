using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class AnnuleerFusieTests
{
    private static readonly FusieAangekondigd Aankondiging =
        new("ODGM", "OD Gelderland-Midden", ["Gelderland"], 16, ["ODA", "ODB"], new DateOnly(2026, 1, 1), new DateOnly(2025, 3, 1));

    private static AnnuleerFusie.Opdracht Opdracht(string? reden = "Besturen niet akkoord") => new("ODGM", reden, Ienw);

    private static AangekondigdeFusie Fusie(FusieStatus status = FusieStatus.Aangekondigd) => Od("ODA", Aankondiging).Fusie! with { Status = status };

    [Fact]
    public void een_aangekondigde_fusie_annuleren_met_reden() =>
        Verwacht(AnnuleerFusie.Beslis(Od("ODA", Aankondiging), Opdracht(), Fusie()), new FusieGeannuleerd("ODGM", "Besturen niet akkoord"));

    [Fact]
    public void annuleren_zonder_reden_mag() =>
        Verwacht(AnnuleerFusie.Beslis(Od("ODB", Aankondiging), Opdracht(null), Fusie()), new FusieGeannuleerd("ODGM", null));

    [Fact]
    public void een_voltooide_fusie_annuleren_geeft_409() =>
        Geweigerd(() => AnnuleerFusie.Beslis(Od("ODA", Aankondiging), Opdracht(), Fusie(FusieStatus.Voltooid)), 409);

    [Fact]
    public void een_geannuleerde_fusie_nogmaals_annuleren_geeft_409() =>
        Geweigerd(() => AnnuleerFusie.Beslis(Od("ODA", Aankondiging), Opdracht(), Fusie(FusieStatus.Geannuleerd)), 409);

    [Fact]
    public void een_deelnemer_die_intussen_van_de_fusie_is_afgeweken_geeft_409() =>
        Geweigerd(() => AnnuleerFusie.Beslis(Od("ODA", Aankondiging, new FusieGeannuleerd("ODGM", null)), Opdracht(), Fusie()), 409);
}
