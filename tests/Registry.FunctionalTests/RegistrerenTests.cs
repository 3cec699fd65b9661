using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Registry.FunctionalTests;

public sealed class RegistrerenTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    [Fact]
    public async Task registreren_geeft_201_met_location_etag_en_de_omgevingsdienst()
    {
        var code = NieuweCode();
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
            new { code, naam = "OD Test", provincies = new[] { "Gelderland", "Overijssel" }, aantalDeelnemers = 12, opgerichtOp = "2014-01-01" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{Base}/omgevingsdiensten/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var od = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}");
        Assert.Equal("OD Test", od.GetProperty("naam").GetString());
        Assert.Equal(["Gelderland", "Overijssel"], od.GetProperty("provincies").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(12, od.GetProperty("aantalDeelnemers").GetInt32());
        Assert.Equal("2014-01-01", od.GetProperty("opgerichtOp").GetString());
        Assert.Equal(JsonValueKind.Null, od.GetProperty("opgehevenOp").ValueKind);
        Assert.Equal("actief", od.GetProperty("status").GetString());
        Assert.False(od.GetProperty("seveso").GetBoolean());
    }

    [Fact]
    public async Task opgerichtOp_null_betekent_onbekend_en_de_dienst_telt_op_elke_peildatum_mee()
    {
        var code = await RegistreerAsync(opgerichtOp: null);
        var od = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=1990-01-01");
        Assert.Equal("actief", od.GetProperty("status").GetString());
    }

    [Fact]
    public async Task een_code_die_al_bestaat_geeft_409_en_verandert_niets()
    {
        var code = await RegistreerAsync();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
            new { code, naam = "Dubbel", provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        Assert.Equal($"Omgevingsdienst {code}", (await GetJsonAsync($"{Base}/omgevingsdiensten/{code}")).GetProperty("naam").GetString());
    }

    [Fact]
    public async Task anoniem_schrijven_geeft_401()
    {
        using var client = await Anoniem();
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
            new { code = NieuweCode(), naam = "X", provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("od-ODG")]
    [InlineData("beoordelaar")]
    [InlineData("odnl")]
    [InlineData("ipo")]
    [InlineData("vng")]
    public async Task schrijven_met_een_andere_rol_dan_ienw_geeft_403(string clientId)
    {
        var voor = await App.EventCountAsync(Ct);
        using var client = await Als(clientId);
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
            new { code = NieuweCode(), naam = "X", provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_vervalst_token_geeft_401()
    {
        using var client = await Ienw();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token[..^4] + "AAAA");
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
            new { code = NieuweCode(), naam = "X", provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task onbekende_omgevingsdienst_geeft_404()
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync($"{Base}/omgevingsdiensten/ONBEKEND", Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task wijzigen_met_if_match_werkt_en_verhoogt_de_versie()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Base}/omgevingsdiensten/{code}")
        {
            Content = JsonContent.Create(new { naam = "Nieuwe naam", aantalDeelnemers = 9 }),
        };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var od = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}");
        Assert.Equal("Nieuwe naam", od.GetProperty("naam").GetString());
        Assert.Equal(9, od.GetProperty("aantalDeelnemers").GetInt32());
        Assert.Equal(["Utrecht"], od.GetProperty("provincies").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task de_historie_zegt_wat_wanneer_en_door_wie()
    {
        var code = await RegistreerAsync();
        using var client = await Ienw();
        using var zelftoets = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/zelftoetsen",
            new { robuust = false, beoordeeldOp = "2023-10-01", toelichting = "Niet robuust op criterium 7" }, Ct);
        Assert.Equal(HttpStatusCode.OK, zelftoets.StatusCode);

        var historie = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}/historie");
        var events = historie.GetProperty("gebeurtenissen").EnumerateArray().ToList();
        Assert.Equal(["omgevingsdienst-geregistreerd", "zelftoets-vastgelegd"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal("ienw", e.GetProperty("door").GetString()));
        Assert.All(events, e => Assert.EndsWith("Z", e.GetProperty("geregistreerdOp").GetString()!, StringComparison.Ordinal));
        Assert.Equal([1L, 2L], events.Select(e => e.GetProperty("versie").GetInt64()));
        Assert.False(events[1].GetProperty("gegevens").GetProperty("robuust").GetBoolean());

        var od = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}");
        Assert.False(od.GetProperty("zelftoets").GetProperty("robuust").GetBoolean());
        Assert.Equal("2023-10-01", od.GetProperty("zelftoets").GetProperty("beoordeeldOp").GetString());
    }
}
