using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class KondigFusieAanTests
{
    private static readonly DateOnly Aangekondigd = new(2025, 3, 1);

    private static readonly DateOnly Ingang = new(2026, 1, 1);

    private static readonly KondigFusieAan.OpvolgerStand Vrij = new(InRegister: false, AlAangekondigd: false);

    private static readonly KondigFusieAan.Opdracht Opdracht =
        new(["ODA", "ODB"], new NieuweOmgevingsdienst("ODGM", " OD Gelderland-Midden ", ["Gelderland"], 16), Ingang, Aangekondigd, Ienw);

    private static IEnumerable<object> Beslis(Omgevingsdienst? deelnemer, int index = 0, KondigFusieAan.OpvolgerStand? opvolger = null) =>
        KondigFusieAan.Beslis(deelnemer, index, Opdracht, opvolger ?? Vrij);

    private static FusieAangekondigd Aankondiging(string opvolger = "ODGM") =>
        new(opvolger, "OD Gelderland-Midden", ["Gelderland"], 16, ["ODA", "ODB"], Ingang, Aangekondigd);

    [Fact]
    public void elke_deelnemer_krijgt_de_aankondiging_met_de_getrimde_naam_van_de_opvolger()
    {
        Verwacht(Beslis(Od("ODA")), Aankondiging());
        Verwacht(Beslis(Od("ODB"), 1), Aankondiging());
    }

    [Fact]
    public void na_een_geannuleerde_fusie_mag_een_nieuwe_worden_aangekondigd() =>
        Verwacht(Beslis(Od("ODA", Aankondiging("ODX"), new FusieGeannuleerd("ODX", null))), Aankondiging());

    [Fact]
    public void een_opvolger_die_al_in_het_register_staat_geeft_409() =>
        Geweigerd(() => Beslis(Od("ODA"), opvolger: Vrij with { InRegister = true }), 409);

    [Fact]
    public void een_opvolger_die_alleen_in_hoofdletters_verschilt_van_een_bestaande_geeft_409_op_zijn_code()
    {
        var fout = Geweigerd(() => Beslis(Od("ODA"), opvolger: Vrij with { AndersGeschreven = "odgm" }), 409, "opvolger.code");
        Assert.Contains("'odgm'", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_opvolger_met_al_een_aangekondigde_fusie_geeft_409() =>
        Geweigerd(() => Beslis(Od("ODA"), opvolger: Vrij with { AlAangekondigd = true }), 409);

    [Fact]
    public void een_deelnemer_die_niet_in_het_register_staat_geeft_400_op_zijn_plaats()
    {
        var fout = Geweigerd(() => Beslis(null, 1), 400, "deelnemers[1]");
        Assert.Contains("ODB", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_opgeheven_deelnemer_geeft_409() =>
        Geweigerd(() => Beslis(Od("ODA", new Opgesplitst(["ODC", "ODD"], new DateOnly(2024, 1, 1)))), 409);

    [Fact]
    public void een_deelnemer_met_al_een_aangekondigde_fusie_geeft_409() =>
        Geweigerd(() => Beslis(Od("ODA", Aankondiging("ODX"))), 409);

    [Fact]
    public void een_deelnemer_opgericht_op_de_ingangsdatum_geeft_409() =>
        Geweigerd(() => Beslis(Od(Geregistreerd("ODA", Ingang))), 409);

    [Fact]
    public void een_deelnemer_opgericht_na_de_aankondiging_geeft_409() =>
        Geweigerd(() => Beslis(Od(Geregistreerd("ODA", Aangekondigd.AddDays(1)))), 409);
}
