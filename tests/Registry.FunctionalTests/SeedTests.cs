using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Registry.Seeds;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>The register seeds (seeds/register) loaded through the API's own commands, on a database of their own.</summary>
public sealed class SeedTests(RegistryFixture fixture) : RegistryTest(fixture), IAsyncLifetime
{
    private static readonly string[] SevesoVandaag = ["DCMR", "ODG", "ODGM", "ODNZKG", "OMWB", "RUDZL"];
    private static readonly string[] Seveso2024 = ["DCMR", "ODG", "ODNZKG", "ODRN", "OMWB", "RUDZL"];

    public async ValueTask InitializeAsync()
    {
        if (await App.EventCountAsync(Ct) == 0)
        {
            await Importer().ImportAsync(RegisterSeedImporter.Lees(SeedsFolder()), Ct);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private RegisterSeedImporter Importer() => App.Services.GetRequiredService<RegisterSeedImporter>();

    private static string SeedsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("RobuustOD.sln not found above the test binaries"), "seeds");
    }

    [Fact]
    public async Task vandaag_zijn_er_26_actieve_omgevingsdiensten_waarvan_zes_seveso()
    {
        var pagina = await GetJsonAsync($"{Base}/omgevingsdiensten?status=actief&peildatum=2026-11-28&paginaGrootte=100");
        var ods = pagina.GetProperty("omgevingsdiensten").EnumerateArray().ToList();
        Assert.Equal(26, pagina.GetProperty("totaal").GetInt32());
        Assert.Equal(26, ods.Count);
        Assert.Equal(SevesoVandaag, ods.Where(o => o.GetProperty("seveso").GetBoolean()).Select(o => o.GetProperty("code").GetString()));
        Assert.Contains(ods, o => o.GetProperty("code").GetString() == "ODU");
        Assert.DoesNotContain(ods, o => o.GetProperty("code").GetString() is "ODRU" or "RUDU" or "ODRA" or "ODRN" or "ODNV" or "OVIJ");
    }

    [Fact]
    public async Task op_1_november_2024_waren_er_28_met_odrn_als_seveso()
    {
        var pagina = await GetJsonAsync($"{Base}/omgevingsdiensten?peildatum=2024-11-01&paginaGrootte=100");
        var ods = pagina.GetProperty("omgevingsdiensten").EnumerateArray().ToList();
        Assert.Equal(28, pagina.GetProperty("totaal").GetInt32());
        Assert.Equal(Seveso2024, ods.Where(o => o.GetProperty("seveso").GetBoolean()).Select(o => o.GetProperty("code").GetString()));
        Assert.Contains(ods, o => o.GetProperty("code").GetString() == "ODVeluwe");
        Assert.DoesNotContain(ods, o => o.GetProperty("code").GetString() is "ODNV" or "OVIJ" or "ODU" or "ODGM");
    }

    [Fact]
    public async Task het_seveso_overzicht_noemt_per_provincie_de_dienst()
    {
        var overzicht = await GetJsonAsync($"{Base}/seveso-overzicht?peildatum=2026-11-28");
        var perProvincie = overzicht.GetProperty("provincies").EnumerateArray()
            .ToDictionary(p => p.GetProperty("provincie").GetString()!, p => p.GetProperty("omgevingsdienst").GetProperty("code").GetString());
        Assert.Equal(12, perProvincie.Count);
        Assert.Equal("ODG", perProvincie["Groningen"]);
        Assert.Equal("ODG", perProvincie["Drenthe"]);
        Assert.Equal("ODG", perProvincie["Fryslân"]);
        Assert.Equal("DCMR", perProvincie["Zeeland"]);
        Assert.Equal("ODNZKG", perProvincie["Utrecht"]);
        Assert.Equal("ODGM", perProvincie["Overijssel"]);
        Assert.Equal("OMWB", perProvincie["Noord-Brabant"]);
        Assert.Equal("RUDZL", perProvincie["Limburg"]);
        Assert.Equal("ODRN", (await GetJsonAsync($"{Base}/seveso-overzicht?peildatum=2024-11-01")).GetProperty("provincies")
            .EnumerateArray().Single(p => p.GetProperty("provincie").GetString() == "Gelderland").GetProperty("omgevingsdienst").GetProperty("code").GetString());
    }

    [Fact]
    public async Task de_fusies_van_2024_en_2026_zijn_voltooid_en_odbn_is_robuust()
    {
        var fusies = (await GetJsonAsync($"{Base}/fusies")).GetProperty("fusies").EnumerateArray()
            .ToDictionary(f => f.GetProperty("opvolger").GetString()!, f => f);
        Assert.Equal(["ODVeluwe", "ODGM", "ODU"], fusies.Keys);
        Assert.All(fusies.Values, f => Assert.Equal("voltooid", f.GetProperty("status").GetString()));
        Assert.Equal(["ODRU", "RUDU"], fusies["ODU"].GetProperty("deelnemers").EnumerateArray().Select(d => d.GetString()));
        var odbn = await GetJsonAsync($"{Base}/omgevingsdiensten/ODBN");
        Assert.True(odbn.GetProperty("zelftoets").GetProperty("robuust").GetBoolean());
        var historie = await GetJsonAsync($"{Base}/omgevingsdiensten/ODG/historie");
        Assert.All(historie.GetProperty("gebeurtenissen").EnumerateArray(), e => Assert.Equal("seed", e.GetProperty("door").GetString()));
    }

    [Fact]
    public async Task nogmaals_importeren_verandert_niets()
    {
        var voor = await App.EventCountAsync(Ct);
        var toegepast = await Importer().ImportAsync(RegisterSeedImporter.Lees(SeedsFolder()), Ct);
        Assert.Equal(0, toegepast);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        Assert.True(voor > 29);
    }
}
