using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Assessment.Seeds;
using RobuustOD.Contracts.Register;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// A fresh database that knows only ODG (from the register's events), into which the importer loads
/// <c>seeds/beoordeling</c>: the catalogue and the published 2024 assessment of ODG, as in the letter's annex.
/// </summary>
public sealed class OdgSeedFixture(PostgresServer postgres) : AssessmentFixture(postgres)
{
    protected override bool MetStandaardgegevens => false;

    /// <summary>The number of commands the first import applied.</summary>
    public int EersteImport { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        await RegistreerOdgAsync(RegisterFeed, ct);
        EersteImport = await Importer.ImportAsync(BeoordelingSeed.Lees(SeedsFolder), ct);
    }

    /// <summary>ODG as the registry announces it: registered, then designated Seveso-OD.</summary>
    public static async Task RegistreerOdgAsync(RegisterFeed register, CancellationToken ct)
    {
        await register.StuurAsync(new OmgevingsdienstGeregistreerdV1(Register.Odg, "Omgevingsdienst Groningen", ["Groningen"], 12, null, []), ct);
        await register.StuurAsync(new SevesoAangewezenV1(Register.Odg, ["Groningen", "Drenthe", "Fryslân"], null), ct);
    }
}

public sealed class OdgSeedTests(OdgSeedFixture fixture) : AssessmentTest<OdgSeedFixture>(fixture)
{
    private async Task<JsonElement> OdgBeoordelingAsync()
    {
        var gevonden = (await GetJsonAsync($"{Base}/beoordelingen?omgevingsdienst=ODG&ronde=2024", "ipo")).GetProperty("items").EnumerateArray().ToList();
        return Assert.Single(gevonden);
    }

    [Fact]
    public async Task de_beoordeling_van_odg_staat_er_gepubliceerd_met_de_veertien_rijen_van_de_bijlage()
    {
        var beoordeling = await OdgBeoordelingAsync();

        Assert.Equal("ODG-2024", beoordeling.GetProperty("id").GetString());
        Assert.Equal("gepubliceerd", beoordeling.GetProperty("status").GetString());
        Assert.Equal(1, beoordeling.GetProperty("versie").GetInt32());
        Assert.Equal("seed", beoordeling.GetProperty("vastgesteldDoor").GetString());
        var rijen = beoordeling.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(14, rijen.Count);
        Assert.Equal(OdgAnnexExpected.Rows.Length, rijen.Count);
        foreach (var (verwacht, rij) in OdgAnnexExpected.Rows.Zip(rijen))
        {
            var nummer = verwacht.Nummer;
            Assert.Equal(nummer, rij.GetProperty("nummer").GetInt32());
            Assert.True(verwacht.StaatInPva == IntOfNull(rij.GetProperty("staatInPva")), $"row {nummer}: staatInPva");
            Assert.True(verwacht.Haalbaarheid == IntOfNull(rij.GetProperty("haalbaarheid")), $"row {nummer}: haalbaarheid");
            Assert.Equal(verwacht.Bronnen, rij.GetProperty("bronnen").EnumerateArray().Select(b => b.GetString()!).ToArray());
            Assert.StartsWith(verwacht.DuidingBegin, rij.GetProperty("duiding").GetString(), StringComparison.Ordinal);
            if (verwacht.MaatregelBegin is null)
            {
                Assert.True(rij.GetProperty("maatregel").ValueKind == JsonValueKind.Null, $"row {nummer}: maatregel should be empty");
            }
            else
            {
                Assert.StartsWith(verwacht.MaatregelBegin, rij.GetProperty("maatregel").GetString(), StringComparison.Ordinal);
            }

            Assert.Equal(1, rij.GetProperty("criteriumVersie").GetInt32());
            Assert.False(string.IsNullOrEmpty(rij.GetProperty("titel").GetString()), $"row {nummer}: no title from the catalogue");
        }
    }

    [Fact]
    public async Task het_oordeel_is_niet_zelfstandig_robuust_met_vijf_tekortkomingen_en_het_gesprek_op_20_november()
    {
        var beoordeling = await OdgBeoordelingAsync();

        Assert.Equal("nietZelfstandigRobuust", beoordeling.GetProperty("oordeel").GetString());
        Assert.Equal("Niet (zelfstandig) robuust op 1 april 2026", beoordeling.GetProperty("oordeelOmschrijving").GetString());
        Assert.Equal(5, beoordeling.GetProperty("tekortkomingen").GetArrayLength());
        Assert.StartsWith("U heeft geen op de robuustheidscriteria gespecificeerd plan van aanpak", beoordeling.GetProperty("tekortkomingen")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("2024-11-20", beoordeling.GetProperty("gesprekOp").GetString());
        Assert.Equal("heer Schmaal", beoordeling.GetProperty("geadresseerde").GetString());
        Assert.StartsWith("Gezien de uitkomsten van de monitoring door TwynstraGudde is er grote zorg", beoordeling.GetProperty("opmerkingen").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task het_plan_van_aanpak_is_geregistreerd_en_aan_de_beoordeling_gekoppeld()
    {
        var beoordeling = await OdgBeoordelingAsync();
        var plan = Assert.Single((await GetJsonAsync($"{Base}/plannen-van-aanpak?omgevingsdienst=ODG", "od-ODG")).GetProperty("plannenVanAanpak").EnumerateArray());

        Assert.Equal("2024-07-01", plan.GetProperty("ontvangenOp").GetString());
        Assert.Equal("1", plan.GetProperty("versie").GetString());
        Assert.Equal("Plan van aanpak Robuuste Omgevingsdienst", plan.GetProperty("document").GetProperty("titel").GetString());
        Assert.Equal(plan.GetProperty("id").GetString(), beoordeling.GetProperty("planVanAanpak").GetString());
    }

    [Fact]
    public async Task de_catalogus_is_geladen_en_alles_is_door_seed_vastgelegd()
    {
        var catalogus = (await GetJsonAsync($"{Base}/criteria", null)).GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(OdgAnnexExpected.Rows.Select(r => r.Nummer), catalogus.Select(c => c.GetProperty("nummer").GetInt32()));
        Assert.All(catalogus, c => Assert.Equal("seed", c.GetProperty("vastgesteldDoor").GetString()));

        var historie = await GetJsonAsync($"{Base}/omgevingsdiensten/ODG/historie");
        var gebeurtenissen = historie.GetProperty("gebeurtenissen").EnumerateArray().ToList();
        // Plan, assessment, 14 rows, verdict, publication.
        Assert.Equal(18, gebeurtenissen.Count);
        Assert.All(gebeurtenissen, g => Assert.Equal("seed", g.GetProperty("door").GetString()));
        Assert.Equal(14 + 18, Fixture.EersteImport);
    }

    [Fact]
    public async Task nogmaals_importeren_verandert_niets()
    {
        var voor = await EventCountAsync();

        var toegepast = await Fixture.Importer.ImportAsync(BeoordelingSeed.Lees(AssessmentFixture.SeedsFolder), Ct);

        Assert.Equal(0, toegepast);
        Assert.Equal(voor, await EventCountAsync());
        Assert.Equal(18, voor);
        Assert.Single((await GetJsonAsync($"{Base}/plannen-van-aanpak?omgevingsdienst=ODG")).GetProperty("plannenVanAanpak").EnumerateArray());
    }

    [Fact]
    public async Task bij_het_opstarten_wacht_de_import_op_het_register()
    {
        var database = await Fixture.Postgres.CreateDatabaseAsync("beoordeling_opstart", Ct);
        await using var app = new ServiceFactory<AssessmentService>(database, Fixture.Identity, new Dictionary<string, string?>
        {
            ["Seeds:LoadOnStartup"] = "true",
            ["Seeds:Path"] = AssessmentFixture.SeedsFolder,
        });
        _ = app.Server;
        using var ipo = await app.ClientAsync("ipo", Ct);
        var zoek = $"{Base}/beoordelingen?omgevingsdienst=ODG&ronde=2024";

        // The catalogue is there as soon as the service serves; the assessment waits for ODG.
        using (var catalogus = await ipo.GetAsync($"{Base}/criteria", Ct))
        {
            Assert.Equal(14, (await catalogus.AssertJsonAsync()).GetProperty("criteria").GetArrayLength());
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        Assert.Equal(0, await app.EventCountAsync(Ct));

        await OdgSeedFixture.RegistreerOdgAsync(new RegisterFeed(app), Ct);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement items;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
            using var response = await ipo.GetAsync(zoek, Ct);
            items = (await response.AssertJsonAsync()).GetProperty("items");
        }
        while (items.GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        var beoordeling = Assert.Single(items.EnumerateArray());
        Assert.Equal(14, beoordeling.GetProperty("criteria").GetArrayLength());
        Assert.Equal(18, await app.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_onderbroken_import_wordt_afgemaakt_zonder_iets_dubbel_te_doen()
    {
        await using var app = new ServiceFactory<AssessmentService>(await Fixture.Postgres.CreateDatabaseAsync("beoordeling_onderbroken", Ct), Fixture.Identity);
        _ = app.Server;
        await OdgSeedFixture.RegistreerOdgAsync(new RegisterFeed(app), Ct);
        var seed = BeoordelingSeed.Lees(AssessmentFixture.SeedsFolder);
        var importer = app.Services.GetRequiredService<BeoordelingSeedImporter>();
        Assert.Equal(14, await importer.ImportCatalogusAsync(seed.Criteria, Ct));

        // As if an earlier run stopped after the plan, the draft and the first row.
        var odg = Assert.Single(seed.Beoordelingen);
        using var ienw = await app.ClientAsync("ienw", Ct);
        using var plan = await ienw.PostAsJsonAsync($"{Base}/plannen-van-aanpak", odg.PlanVerzoek(), Ct);
        var planId = (await plan.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var concept = await ienw.PostAsJsonAsync($"{Base}/beoordelingen", new { omgevingsdienst = "ODG", ronde = "2024", planVanAanpak = planId }, Ct);
        await concept.AssertJsonAsync(HttpStatusCode.Created);
        using var rij1 = await ienw.PutAsJsonAsync($"{Base}/beoordelingen/ODG-2024/criteria/1", odg.Criteria[0].AlsScore(), Ct);
        await rij1.AssertJsonAsync();
        Assert.Equal(3, await app.EventCountAsync(Ct));

        var toegepast = await importer.ImportAsync(seed, Ct);

        // The other 13 rows, the verdict and the publication.
        Assert.Equal(15, toegepast);
        Assert.Equal(18, await app.EventCountAsync(Ct));
        using var ipo = await app.ClientAsync("ipo", Ct);
        using var gevonden = await ipo.GetAsync($"{Base}/beoordelingen/ODG-2024", Ct);
        var beoordeling = await gevonden.AssertJsonAsync();
        Assert.Equal(planId, beoordeling.GetProperty("planVanAanpak").GetGuid());
        Assert.Equal(14, beoordeling.GetProperty("criteria").GetArrayLength());
        Assert.Equal(0, await importer.ImportAsync(seed, Ct));
    }

    private static int? IntOfNull(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();
}
