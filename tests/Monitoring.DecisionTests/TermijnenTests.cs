using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.RegisterReadModel;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

public sealed class TermijnenTests
{
    private static readonly DateOnly Termijn = new(2025, 4, 1);

    private static readonly OmgevingsdienstUitRegister[] Ods =
    [
        new() { Id = "ODA", Naam = "A", Provincies = ["Groningen"], SevesoProvincies = ["Groningen", "Drenthe"] },
        new() { Id = "ODB", Naam = "B", Provincies = ["Groningen"] },
        new() { Id = "ODC", Naam = "C", Provincies = ["Utrecht"] },
        new() { Id = "ODD", Naam = "D", Provincies = ["Utrecht"], OpgehevenOp = Termijn },
    ];

    private static readonly Dictionary<string, Monitoringdossier> Dossiers = new()
    {
        ["ODA"] = Dossier("ODA", Aangemaakt("ODA"), new VoortgangsrapportageIngediend("voortgang1", null, new DateTimeOffset(2025, 3, 30, 10, 0, 0, TimeSpan.Zero))),
        ["ODB"] = Dossier("ODB", Aangemaakt("ODB"), new VoortgangsrapportageIngediend("voortgang1", null, new DateTimeOffset(2025, 4, 3, 10, 0, 0, TimeSpan.Zero))),
        ["ODC"] = Dossier("ODC", new VoortgangsrapportageVerzuimd("ODC", "voortgang1", Termijn, new DateTimeOffset(2025, 4, 2, 0, 5, 0, TimeSpan.Zero))),
    };

    private static HaalTermijnenOp.TermijnenResource Bepaal(bool? seveso = null, string? provincie = null, string? od = null, DateOnly? uiterlijk = null) =>
        HaalTermijnenOp.Bepaal(Ronde(uiterlijk: uiterlijk ?? Termijn), Ods, Dossiers, new HaalTermijnenOp.Parameters(seveso, provincie), od, Termijn.AddDays(10));

    [Fact]
    public void per_od_tijdig_te_laat_of_verzuimd_en_opgeheven_ods_tellen_niet_mee()
    {
        var t = Bepaal();
        Assert.Equal([("ODA", TijdigheidStatus.Tijdig), ("ODB", TijdigheidStatus.TeLaat), ("ODC", TijdigheidStatus.TermijnVerstreken)],
            t.Omgevingsdiensten.Select(r => (r.Omgevingsdienst, r.Status)));
        Assert.Equal(2, t.Omgevingsdiensten[1].DagenTeLaat);
        Assert.NotNull(t.Omgevingsdiensten[2].VerzuimVastgesteldOp);
        Assert.Equal(new HaalTermijnenOp.Aantallen(1, 1, 1, 0, 0), t.Aantallen);
    }

    [Fact]
    public void filter_op_seveso_en_provincie()
    {
        Assert.Equal(["ODA"], Bepaal(seveso: true).Omgevingsdiensten.Select(r => r.Omgevingsdienst));
        Assert.Equal(["ODA", "ODB"], Bepaal(provincie: "groningen").Omgevingsdiensten.Select(r => r.Omgevingsdienst));
        Assert.Equal(["ODB"], Bepaal(seveso: false, provincie: "Groningen").Omgevingsdiensten.Select(r => r.Omgevingsdienst));
    }

    [Fact]
    public void een_od_ziet_alleen_zichzelf() => Assert.Equal(["ODC"], Bepaal(od: "ODC").Omgevingsdiensten.Select(r => r.Omgevingsdienst));

    [Fact]
    public void voor_de_termijn_is_wie_niet_indiende_nog_niet_verlopen() =>
        Assert.Equal(TijdigheidStatus.NogNietVerlopen, Bepaal(uiterlijk: Termijn.AddDays(20)).Omgevingsdiensten.Single(r => r.Omgevingsdienst == "ODC").Status);
}
