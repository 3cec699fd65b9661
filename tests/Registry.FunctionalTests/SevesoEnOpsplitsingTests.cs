using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Registry.FunctionalTests;

public sealed class SevesoEnOpsplitsingTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    private async Task<HttpResponseMessage> WijsAanAsync(string code, string? ingangsdatum, params string[] provincies)
    {
        using var client = await Ienw();
        return await client.PutAsJsonAsync($"{Base}/omgevingsdiensten/{code}/seveso-aanwijzing", new { provincies, ingangsdatum }, Ct);
    }

    [Fact]
    public async Task aanwijzen_en_intrekken_volgen_de_peildatum()
    {
        var code = await RegistreerAsync(provincie: "Limburg");
        (await WijsAanAsync(code, "2020-01-01", "Limburg")).Dispose();
        using (var client = await Ienw())
        using (var ingetrokken = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/seveso-aanwijzing/intrekking",
                   new { einddatum = "2025-07-01" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ingetrokken.StatusCode);
        }

        Assert.False((await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=2019-12-31")).GetProperty("seveso").GetBoolean());
        Assert.True((await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=2020-01-01")).GetProperty("seveso").GetBoolean());
        Assert.True((await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=2025-06-30")).GetProperty("seveso").GetBoolean());
        Assert.False((await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=2025-07-01")).GetProperty("seveso").GetBoolean());
    }

    [Fact]
    public async Task een_provincie_heeft_een_seveso_omgevingsdienst_tegelijk()
    {
        var eerste = await RegistreerAsync(provincie: "Zeeland");
        var tweede = await RegistreerAsync(provincie: "Zeeland");
        (await WijsAanAsync(eerste, null, "Zeeland")).Dispose();
        var voor = await App.EventCountAsync(Ct);

        using var response = await WijsAanAsync(tweede, "2024-01-01", "Zeeland");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(eerste, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task intrekken_zonder_lopende_aanwijzing_geeft_409()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/seveso-aanwijzing/intrekking",
            new { einddatum = "2025-07-01" }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task opsplitsen_heft_de_dienst_op_en_geeft_seveso_aan_de_aangewezen_opvolger()
    {
        var code = await RegistreerAsync(provincie: "Fryslân");
        (await WijsAanAsync(code, "2021-01-01", "Fryslân")).Dispose();
        var noord = NieuweCode("N");
        var zuid = NieuweCode("Z");

        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/opsplitsing", new
        {
            opvolgers = new[]
            {
                new { code = noord, naam = "OD Noord", provincies = new[] { "Fryslân" }, aantalDeelnemers = 9 },
                new { code = zuid, naam = "OD Zuid", provincies = new[] { "Fryslân" }, aantalDeelnemers = 9 },
            },
            ingangsdatum = "2027-01-01",
            sevesoOpvolger = zuid,
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var oud = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=2027-01-01");
        Assert.Equal("opgeheven", oud.GetProperty("status").GetString());
        Assert.Equal([noord, zuid], oud.GetProperty("opvolgers").EnumerateArray().Select(o => o.GetString()));
        var nieuwZuid = await GetJsonAsync($"{Base}/omgevingsdiensten/{zuid}?peildatum=2027-01-01");
        Assert.Equal([code], nieuwZuid.GetProperty("voorgangers").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["Fryslân"], nieuwZuid.GetProperty("sevesoProvincies").EnumerateArray().Select(o => o.GetString()));
        Assert.False((await GetJsonAsync($"{Base}/omgevingsdiensten/{noord}?peildatum=2027-01-01")).GetProperty("seveso").GetBoolean());

        var voor = await App.EventCountAsync(Ct);
        using var nogmaals = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/opsplitsing", new
        {
            opvolgers = new[]
            {
                new { code = NieuweCode(), naam = "A", provincies = new[] { "Fryslân" }, aantalDeelnemers = 1 },
                new { code = NieuweCode(), naam = "B", provincies = new[] { "Fryslân" }, aantalDeelnemers = 1 },
            },
            ingangsdatum = "2028-01-01",
            sevesoOpvolger = (string?)null,
        }, Ct);
        await nogmaals.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_opgeheven_dienst_wijzigen_geeft_409()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        (await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/opsplitsing", new
        {
            opvolgers = new[]
            {
                new { code = NieuweCode(), naam = "A", provincies = new[] { "Utrecht" }, aantalDeelnemers = 1 },
                new { code = NieuweCode(), naam = "B", provincies = new[] { "Utrecht" }, aantalDeelnemers = 1 },
            },
            ingangsdatum = "2025-01-01",
            sevesoOpvolger = (string?)null,
        }, Ct)).Dispose();

        using var response = await client.PatchAsJsonAsync($"{Base}/omgevingsdiensten/{code}", new { naam = "Te laat" }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
