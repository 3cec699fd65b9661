using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Termijnen;
using RobuustOD.RegisterReadModel;
using static RobuustOD.Monitoring.DecisionTests.Gegeven;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>Overdue by the clock: once, lifted when the due date moves, never when the report came in late.</summary>
public sealed class VerzuimTests
{
    private static readonly DateOnly Termijn = new(2025, 4, 1);
    private static readonly DateTimeOffset Nu = new(2025, 4, 2, 8, 0, 0, TimeSpan.Zero);

    private static IEnumerable<object> Beslis(Monitoringdossier? dossier, DateOnly? termijn, DateOnly vandaag, bool verwacht = true) =>
        Verzuimcontrole.Beslis(dossier, "ODA", Ronde(uiterlijk: termijn), verwacht, vandaag, Nu);

    private static VoortgangsrapportageVerzuimd Verzuimd => new("ODA", "voortgang1", Termijn, Nu);

    [Fact]
    public void de_dag_na_de_termijn_zonder_rapportage_is_verzuimd() =>
        Assert.Equal([new VoortgangsrapportageVerzuimd("ODA", "voortgang1", Termijn, Nu)], Beslis(null, Termijn, Termijn.AddDays(1)).ToList());

    [Fact]
    public void op_de_termijn_zelf_is_er_nog_geen_verzuim() => Assert.Empty(Beslis(null, Termijn, Termijn));

    [Fact]
    public void een_concept_dat_niet_is_ingediend_is_verzuimd() =>
        Assert.Single(Beslis(Dossier("ODA", Aangemaakt()), Termijn, Termijn.AddDays(1)));

    [Fact]
    public void een_ingediende_rapportage_is_niet_verzuimd() =>
        Assert.Empty(Beslis(Dossier("ODA", Aangemaakt(), Ingediend(), Vastgelegd()), Termijn, Termijn.AddDays(10)));

    [Fact]
    public void zonder_termijn_is_er_geen_verzuim() => Assert.Empty(Beslis(null, null, Termijn.AddDays(100)));

    [Fact]
    public void een_od_die_niet_hoeft_te_rapporteren_verzuimt_niet() => Assert.Empty(Beslis(null, Termijn, Termijn.AddDays(1), verwacht: false));

    [Fact]
    public void een_verzuim_wordt_eenmaal_vastgelegd() => Assert.Empty(Beslis(Dossier("ODA", Verzuimd), Termijn, Termijn.AddDays(5)));

    [Fact]
    public void een_latere_indiening_heft_het_verzuim_niet_op() =>
        Assert.Empty(Beslis(Dossier("ODA", Verzuimd, Aangemaakt(), Ingediend(), Vastgelegd()), Termijn, Termijn.AddDays(5)));

    [Fact]
    public void een_termijn_verschoven_tot_na_vandaag_heft_het_verzuim_op()
    {
        var opgeheven = Assert.IsType<VerzuimOpgeheven>(Assert.Single(Beslis(Dossier("ODA", Verzuimd), Termijn.AddDays(30), Termijn.AddDays(2))));
        Assert.Equal(("voortgang1", Termijn), (opgeheven.Ronde, opgeheven.IndienenUiterlijk));
        Assert.Contains("verschoven naar 2025-05-01", opgeheven.Reden, StringComparison.Ordinal);
    }

    [Fact]
    public void een_vervallen_termijn_heft_het_verzuim_op() =>
        Assert.IsType<VerzuimOpgeheven>(Assert.Single(Beslis(Dossier("ODA", Verzuimd), null, Termijn.AddDays(2))));

    [Fact]
    public void een_verschoven_termijn_die_ook_verstreken_is_houdt_het_verzuim_zonder_nieuw_bericht() =>
        Assert.Empty(Beslis(Dossier("ODA", Verzuimd), Termijn.AddDays(1), Termijn.AddDays(5)));

    [Fact]
    public void na_opheffing_verzuimt_de_od_opnieuw_als_de_nieuwe_termijn_verstrijkt()
    {
        var dossier = Dossier("ODA", Verzuimd, new VerzuimOpgeheven("voortgang1", Termijn, "verschoven", Nu));
        var nieuw = Termijn.AddDays(30);
        Assert.Equal([new VoortgangsrapportageVerzuimd("ODA", "voortgang1", nieuw, Nu)], Beslis(dossier, nieuw, nieuw.AddDays(1)).ToList());
        Assert.Empty(Beslis(dossier, nieuw, nieuw));
    }

    [Fact]
    public void verwacht_is_wie_op_de_termijn_bestaat_en_niet_is_opgeheven()
    {
        Assert.True(Verzuimcontrole.Verwacht(new OmgevingsdienstUitRegister { Id = "ODA" }, Termijn));
        Assert.True(Verzuimcontrole.Verwacht(new OmgevingsdienstUitRegister { Id = "ODA", OpgerichtOp = Termijn }, Termijn));
        Assert.False(Verzuimcontrole.Verwacht(new OmgevingsdienstUitRegister { Id = "ODA", OpgerichtOp = Termijn.AddDays(1) }, Termijn));
        Assert.False(Verzuimcontrole.Verwacht(new OmgevingsdienstUitRegister { Id = "ODA", OpgehevenOp = Termijn }, Termijn));
        Assert.True(Verzuimcontrole.Verwacht(new OmgevingsdienstUitRegister { Id = "ODA", OpgehevenOp = Termijn.AddDays(1) }, Termijn));
        Assert.False(Verzuimcontrole.Verwacht(null, Termijn));
    }
}
