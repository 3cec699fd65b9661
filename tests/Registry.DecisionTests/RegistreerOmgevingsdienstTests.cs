using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class RegistreerOmgevingsdienstTests
{
    private static RegistreerOmgevingsdienst.Opdracht Opdracht(int? aantal = 7, DateOnly? opgerichtOp = null, string code = "ODA") =>
        new(code, "  Omgevingsdienst A ", ["Utrecht", "Gelderland"], aantal, opgerichtOp, Ienw);

    [Fact]
    public void een_nieuwe_code_wordt_geregistreerd_met_getrimde_naam_en_zonder_voorgangers() =>
        Verwacht(RegistreerOmgevingsdienst.Beslis(null, Opdracht(opgerichtOp: Opgericht)),
            new OmgevingsdienstGeregistreerd("ODA", "Omgevingsdienst A", ["Utrecht", "Gelderland"], 7, Opgericht, []));

    [Fact]
    public void zonder_oprichtingsdatum_en_aantal_deelnemers_wordt_ook_geregistreerd() =>
        Verwacht(RegistreerOmgevingsdienst.Beslis(null, Opdracht(aantal: null)),
            new OmgevingsdienstGeregistreerd("ODA", "Omgevingsdienst A", ["Utrecht", "Gelderland"], null, null, []));

    [Fact]
    public void een_code_die_al_in_het_register_staat_geeft_409() =>
        Geweigerd(() => RegistreerOmgevingsdienst.Beslis(Od("ODA"), Opdracht()), 409);

    [Fact]
    public void een_code_die_alleen_in_hoofdletters_verschilt_van_een_bestaande_geeft_409_op_code()
    {
        var fout = Geweigerd(() => RegistreerOmgevingsdienst.Beslis(Od("ODVeluwe"), Opdracht(code: "ODVELUWE")), 409, "code");
        Assert.Contains("'ODVeluwe'", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void een_gemengde_code_wordt_geregistreerd_zoals_hij_is_geschreven() =>
        Verwacht(RegistreerOmgevingsdienst.Beslis(null, Opdracht(opgerichtOp: Opgericht, code: "ODVeluwe")),
            new OmgevingsdienstGeregistreerd("ODVeluwe", "Omgevingsdienst A", ["Utrecht", "Gelderland"], 7, Opgericht, []));
}
