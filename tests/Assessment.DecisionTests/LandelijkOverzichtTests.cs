using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Overzicht;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

/// <summary>Which round the national matrix shows without <c>?ronde=</c>, and its Seveso flag of today.</summary>
public sealed class LandelijkOverzichtTests
{
    /// <summary>An OD's dossier with <paramref name="ronde"/> published at <paramref name="op"/> (or only a draft).</summary>
    private static Beoordelingsdossier DossierMet(string code, string ronde, DateTimeOffset? op)
    {
        object[] concept = [Aangemaakt(ronde), Beoordeeld(ronde: ronde)];
        var dossier = Dossier(op is null ? concept : [.. concept, new BeoordelingGepubliceerd(ronde, 1, BeoordelingInhoud.Leeg, "ienw", op.Value)])!;
        dossier.Id = code;
        return dossier;
    }

    [Fact]
    public void zonder_publicatie_is_er_geen_meest_recente_ronde()
    {
        Assert.Null(LandelijkOverzicht.MeestRecenteRonde([]));
        Assert.Null(LandelijkOverzicht.MeestRecenteRonde([DossierMet("ODG", "2025", null)]));
    }

    [Fact]
    public void het_hoogste_jaar_wint_ook_van_een_latere_publicatie_in_een_eerder_jaar()
    {
        Assert.Equal("2025", LandelijkOverzicht.MeestRecenteRonde(
            [DossierMet("ODG", "2025", Moment), DossierMet("FUMO", "2024", Moment.AddDays(30)), DossierMet("ODRU", "2026", null)]));
    }

    [Fact]
    public void binnen_een_jaar_wint_de_ronde_die_het_laatst_werd_gepubliceerd()
    {
        Assert.Equal("2025-herbeoordeling", LandelijkOverzicht.MeestRecenteRonde(
            [DossierMet("ODG", "2025", Moment), DossierMet("FUMO", "2025-herbeoordeling", Moment.AddDays(60)), DossierMet("ODRU", "2025", Moment.AddDays(5))]));
    }

    [Fact]
    public void de_seveso_vlag_is_die_van_vandaag_in_amsterdam()
    {
        var vandaag = new FixedClock(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)).Vandaag();
        var od = new OmgevingsdienstUitRegister { Id = Code, Naam = "ODG", SevesoProvincies = ["Groningen"], SevesoTot = new DateOnly(2026, 4, 1) };
        var versie = Dossier(GepubliceerdeEvents())!.In(Ronde)!.Huidige!;

        var matrix = LandelijkOverzicht.Bouw(Ronde, null, [(Code, versie)], Register(od), HuidigeCatalogus, vandaag);

        Assert.Equal(new DateOnly(2026, 4, 1), vandaag);
        Assert.False(Assert.Single(matrix.Omgevingsdiensten).Seveso);
        Assert.True(LandelijkOverzicht.Bouw(Ronde, null, [(Code, versie)], Register(od), HuidigeCatalogus, vandaag.AddDays(-1))
            .Omgevingsdiensten.Single().Seveso);
    }

    private sealed class FixedClock(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu;
    }
}
