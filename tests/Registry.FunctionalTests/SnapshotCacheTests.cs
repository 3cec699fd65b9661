using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.EventStore;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// Reads come from an in-process snapshot cache (LatestSnapshots): a write on this instance is seen by the next read
/// here at once, a write on another instance on the same database shortly after (its notification, then a query).
/// </summary>
public sealed class SnapshotCacheTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    private static readonly TimeSpan Binnen = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task een_wijziging_op_deze_instantie_is_bij_de_volgende_lezing_zichtbaar_ook_in_de_lijst()
    {
        var code = await RegistreerAsync();
        Assert.Equal($"Omgevingsdienst {code}", (await GetJsonAsync($"{Base}/omgevingsdiensten/{code}")).GetProperty("naam").GetString());
        Assert.Contains(code, await LijstAsync(App, code));

        for (var i = 1; i <= 3; i++)
        {
            await WijzigNaamAsync(App, code, $"Naam {i}");
            var od = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}");
            Assert.Equal($"Naam {i}", od.GetProperty("naam").GetString());
            Assert.Equal($"Naam {i}", (await LijstAsync(App, code))[code]);
        }
    }

    [Fact]
    public async Task een_wijziging_op_een_andere_instantie_is_kort_daarna_zichtbaar()
    {
        await using var ander = new ServiceFactory<RegistryService>(Database(), App.Identity);
        var code = await RegistreerAsync();
        // Both instances hold the OD in their caches (the list loads the whole register).
        Assert.Contains(code, await LijstAsync(App, code));
        Assert.Contains(code, await LijstAsync(ander, code));
        await LeesNaamAsync(ander, code);
        await WachtTotLuisterendAsync(App);

        await WijzigNaamAsync(ander, code, "Gewijzigd elders");
        Assert.Equal("Gewijzigd elders", await LeesNaamAsync(ander, code));
        await TotAsync(async () => await LeesNaamAsync(App, code) == "Gewijzigd elders");
        await TotAsync(async () => (await LijstAsync(App, code)).GetValueOrDefault(code) == "Gewijzigd elders");

        // A new OD registered elsewhere enters this instance's list too.
        var nieuw = NieuweCode();
        using (var client = await ander.ClientAsync("ienw", Ct))
        {
            using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
                new { code = nieuw, naam = "Elders geregistreerd", provincies = new[] { "Utrecht" }, aantalDeelnemers = 7, opgerichtOp = "2015-01-01" }, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await TotAsync(async () => (await LijstAsync(App, nieuw)).ContainsKey(nieuw));
    }

    private string Database() => App.Services.GetRequiredService<IConfiguration>().GetConnectionString("robuustod")!;

    private static async Task WachtTotLuisterendAsync(ServiceFactory<RegistryService> app)
    {
        var changes = app.Services.GetRequiredService<StreamChanges>();
        await TotAsync(() => Task.FromResult(changes.IsListening));
    }

    private static async Task TotAsync(Func<Task<bool>> voorwaarde)
    {
        var tot = DateTime.UtcNow + Binnen;
        while (!await voorwaarde())
        {
            Assert.True(DateTime.UtcNow < tot, $"not seen within {Binnen.TotalSeconds} s");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<string?> LeesNaamAsync(ServiceFactory<RegistryService> app, string code)
    {
        using var client = await app.ClientAsync(null, Ct);
        var od = await client.GetFromJsonAsync<JsonElement>($"{Base}/omgevingsdiensten/{code}", Ct);
        return od.GetProperty("naam").GetString();
    }

    private static async Task<Dictionary<string, string?>> LijstAsync(ServiceFactory<RegistryService> app, string zoek)
    {
        using var client = await app.ClientAsync(null, Ct);
        var pagina = await client.GetFromJsonAsync<JsonElement>($"{Base}/omgevingsdiensten?zoek={zoek}&status=alle&paginaGrootte=100", Ct);
        return pagina.GetProperty("omgevingsdiensten").EnumerateArray()
            .ToDictionary(od => od.GetProperty("code").GetString()!, od => od.GetProperty("naam").GetString());
    }

    private static async Task WijzigNaamAsync(ServiceFactory<RegistryService> app, string code, string naam)
    {
        using var client = await app.ClientAsync("ienw", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Base}/omgevingsdiensten/{code}")
        {
            Content = JsonContent.Create(new { naam }),
        };
        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"PATCH: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
