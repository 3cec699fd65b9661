using RobuustOD.Domain;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Kamerrapportages;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>The report to parliament: its counts on a known set of ODs, the period, freezing and the renderings.</summary>
public sealed class KamerrapportageTests
{
    private static readonly Kamerperiode Periode = Kamerperiode.Lees("2025-2");
    private static readonly DateOnly Peildatum = new(2025, 12, 31);
    private static readonly string[] Uitkomsten = ["voldoetAanCriteria", "naarVerwachtingTijdigRobuust", "onzeker", "nietTijdigHaalbaar"];

    private static OdInBeeld Od(string code, bool seveso = false, string? uitkomst = null, string? robuust = null,
        Dictionary<int, int?>? basislijn = null, Dictionary<int, int?>? nu = null) =>
        new(code, $"Omgevingsdienst {code}", seveso, ["Utrecht"], uitkomst, robuust, basislijn ?? [], nu ?? []);

    private static KamerrapportageBronnen Bronnen(IReadOnlyList<OdInBeeld> ods, IReadOnlyList<RapportageInBeeld>? rapportages = null,
        IReadOnlyList<RegisterwijzigingInBeeld>? wijzigingen = null, IReadOnlyList<EscalatieInBeeld>? escalaties = null,
        IReadOnlyList<BesluitInBeeld>? besluiten = null) =>
        new(ods, [(7, "Vaste dienst"), (10, "Innovatie")], Uitkomsten, ["voortgang3"], rapportages ?? [], wijzigingen ?? [], escalaties ?? [], besluiten ?? []);

    private static Aantal Van(IReadOnlyList<Aantal> aantallen, string categorie) => aantallen.Single(a => a.Categorie == categorie);

    [Fact]
    public void telt_per_uitkomst_robuust_en_kleur_en_de_seveso_ods_apart_elke_categorie_ook_bij_nul()
    {
        var r = Kamerrapportage.Stel(Periode, Peildatum, Bronnen(
        [
            Od("ODA", seveso: true, uitkomst: "voldoetAanCriteria", robuust: "ja", basislijn: new() { [7] = 3, [10] = 2 }, nu: new() { [7] = 1, [10] = 1 }),
            Od("ODB", uitkomst: "onzeker", robuust: "nee", basislijn: new() { [7] = 3 }, nu: new() { [7] = 2 }),
            Od("ODC", seveso: true, uitkomst: "onzeker", basislijn: new() { [7] = 1 }, nu: new() { [7] = 3 }),
            Od("ODD"),
        ]));

        Assert.Equal(4, r.Alle.AantalOmgevingsdiensten);
        Assert.Equal([.. Uitkomsten, Kamerrapportage.NietBeoordeeld], r.Alle.PerUitkomst.Select(a => a.Categorie));
        Assert.Equal(1, Van(r.Alle.PerUitkomst, "voldoetAanCriteria").Waarde);
        Assert.Equal(["ODB", "ODC"], Van(r.Alle.PerUitkomst, "onzeker").Omgevingsdiensten);
        Assert.Equal(0, Van(r.Alle.PerUitkomst, "nietTijdigHaalbaar").Waarde);
        Assert.Equal(["ODD"], Van(r.Alle.PerUitkomst, Kamerrapportage.NietBeoordeeld).Omgevingsdiensten);
        Assert.Equal([("ja", 1), ("nee", 1), ("nietZelfstandig", 0), ("onbekend", 2)], r.Alle.Robuust.Select(a => (a.Categorie, a.Waarde)));

        var zeven = r.Alle.PerCriterium.Single(c => c.Nummer == 7);
        Assert.Equal(new Kleuren(1, 1, 1, 1), zeven.Nu);
        Assert.Equal(new Kleuren(1, 0, 2, 1), zeven.Basislijn);
        Assert.Equal(new Kleuren(1, 0, 0, 3), r.Alle.PerCriterium.Single(c => c.Nummer == 10).Nu);

        Assert.Equal(2, r.Seveso.AantalOmgevingsdiensten);
        Assert.Equal(["ODA", "ODC"], r.Seveso.PerUitkomst.SelectMany(a => a.Omgevingsdiensten).Order(StringComparer.Ordinal));
        Assert.Equal(new Kleuren(1, 0, 1, 0), r.Seveso.PerCriterium.Single(c => c.Nummer == 7).Nu);
    }

    [Fact]
    public void alleen_wat_binnen_de_periode_tot_de_peildatum_gebeurde_telt_mee()
    {
        var r = Kamerrapportage.Stel(Periode, new DateOnly(2025, 10, 31), Bronnen([Od("ODA"), Od("ODB")],
            rapportages: [new("ODA", "voortgang3", "tijdig"), new("ODB", "voortgang3", "verzuimd"), new("ODX", "voortgang3", "tijdig")],
            wijzigingen:
            [
                new("fusie", ["ODR", "ODS"], ["ODT"], new DateOnly(2025, 9, 1)),
                new("fusie", ["ODU", "ODV"], ["ODW"], new DateOnly(2025, 6, 30)),
                new("opsplitsing", ["ODP"], ["ODP1", "ODP2"], new DateOnly(2025, 11, 1)),
            ],
            escalaties:
            [
                new("ODA", "bestuurlijkGesprek", new DateOnly(2025, 8, 1), new DateOnly(2025, 9, 15)),
                new("ODB", "bestuurlijkGesprek", new DateOnly(2025, 3, 1), new DateOnly(2025, 7, 20)),
                new("ODB", "besluitVerdergaandeMaatregelen", new DateOnly(2025, 10, 1), null),
                new("ODA", "besluitVerdergaandeMaatregelen", new DateOnly(2025, 11, 15), null),
            ],
            besluiten: [new("Aanwijzing", new DateOnly(2025, 10, 2), ["ODB"]), new("Later", new DateOnly(2025, 12, 1), ["ODA"])]));

        // ODX does not exist on the reference date: its report is not counted.
        var ronde = Assert.Single(r.Rapportages);
        Assert.Equal([("tijdig", 1), ("teLaat", 0), ("verzuimd", 1), ("nogNietVerlopen", 0), ("geenTermijn", 0)], ronde.PerStatus.Select(a => (a.Categorie, a.Waarde)));
        Assert.Equal(["ODT"], Assert.Single(r.Registerwijzigingen).Opvolgers);
        // Opened in the period (before the reference date): ODA's conversation and ODB's decision; held in it: both conversations.
        Assert.Equal(2, r.Escalaties.Geopend);
        Assert.Equal(2, r.Escalaties.Gehouden);
        Assert.Equal([("besluitVerdergaandeMaatregelen", 1), ("bestuurlijkGesprek", 1)], r.Escalaties.GeopendPerSoort.Select(a => (a.Categorie, a.Waarde)));
        Assert.Equal("Aanwijzing", Assert.Single(r.Besluiten).Omschrijving);
    }

    [Theory]
    [InlineData("2026-1", "2026-01-01", "2026-06-30")]
    [InlineData("2025-2", "2025-07-01", "2025-12-31")]
    public void een_periode_is_een_half_jaar(string id, string van, string tot)
    {
        var p = Kamerperiode.Lees(id);
        Assert.Equal((DateOnly.Parse(van, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(tot, System.Globalization.CultureInfo.InvariantCulture)), (p.Van, p.Tot));
        Assert.Equal($"kamerrapportage-{id}", p.StreamKey);
    }

    [Theory]
    [InlineData("2026-3")]
    [InlineData("2026-01")]
    [InlineData("2026-1\n")]
    [InlineData("ODG")]
    public void een_periode_die_niet_kan_bestaan_is_niet_gevonden(string id) =>
        Assert.Equal(DomainRuleException.NotFoundStatus, Assert.Throws<DomainRuleException>(() => Kamerperiode.Lees(id)).Status);

    [Fact]
    public void vaststellen_maakt_de_volgende_versie_met_de_weergaven_van_dat_moment()
    {
        var inhoud = Kamerrapportage.Stel(Periode, Peildatum, Bronnen([Od("ODA", uitkomst: "onzeker")]));
        var opdracht = new StelKamerrapportageVast.Opdracht(Periode, "Met de brief van december", new Handeling("ienw", new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero)), null);

        var eerste = Assert.IsType<KamerrapportageVastgesteld>(Assert.Single(StelKamerrapportageVast.Beslis(null, inhoud, opdracht)));
        var periode = KamerrapportagePeriode.Create(eerste);
        var tweede = Assert.IsType<KamerrapportageVastgesteld>(Assert.Single(StelKamerrapportageVast.Beslis(periode, inhoud, opdracht)));

        Assert.Equal((1, 2), (eerste.Versie, tweede.Versie));
        Assert.Contains("vastgesteld, versie 1", eerste.Markdown, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", eerste.Html, StringComparison.Ordinal);
        Assert.StartsWith("onderdeel;groep;categorie;aantal;omgevingsdiensten", eerste.Csv, StringComparison.Ordinal);
        Assert.Equal("ienw", eerste.Door);
    }

    [Fact]
    public void een_vastgestelde_rapportage_verlaat_de_dienst_zonder_haar_inhoud()
    {
        var inhoud = Kamerrapportage.Stel(Periode, Peildatum, Bronnen([Od("ODA")]));
        var opdracht = new StelKamerrapportageVast.Opdracht(Periode, null, new Handeling("ienw", new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero)), null);
        var vastgesteld = Assert.IsType<KamerrapportageVastgesteld>(Assert.Single(StelKamerrapportageVast.Beslis(null, inhoud, opdracht)));

        var contract = new MonitoringEventMapper().Map(new JasperFx.Events.Event<KamerrapportageVastgesteld>(vastgesteld) { StreamKey = Periode.StreamKey });

        Assert.Equal(new RobuustOD.Contracts.Monitoring.KamerrapportageVastgesteldV1("2025-2", 1, Peildatum, opdracht.Handeling.Op), contract);
    }

    [Fact]
    public void een_periode_die_nog_niet_begon_valt_niet_vast_te_stellen()
    {
        var inhoud = Kamerrapportage.Stel(Periode, Peildatum, Bronnen([]));
        var teVroeg = new StelKamerrapportageVast.Opdracht(Periode, null, new Handeling("ienw", new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero)), null);

        Assert.Equal(DomainRuleException.ConflictStatus, Assert.Throws<DomainRuleException>(() => StelKamerrapportageVast.Beslis(null, inhoud, teVroeg).ToList()).Status);
    }

    [Fact]
    public void tekst_uit_de_gegevens_wordt_nooit_html()
    {
        var inhoud = Kamerrapportage.Stel(Periode, Peildatum, Bronnen([Od("ODA")],
            besluiten: [new("<script>alert(1)</script> | kolom", new DateOnly(2025, 9, 1), ["ODA"])]));

        var markdown = KamerrapportageOpmaak.Markdown(inhoud, "concept");
        var html = KamerrapportageOpmaak.Html(markdown, KamerrapportageOpmaak.Titel(inhoud));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| kolom", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
