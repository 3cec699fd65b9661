using RobuustOD.Contracts.Api;
using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Registry.FunctionalTests;

public sealed class ZoekenTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    [Fact]
    public async Task pagineren_geeft_een_link_naar_de_volgende_pagina_tot_de_laatste()
    {
        var prefix = NieuweCode("P");
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(await RegistreerAsync($"{prefix}{i}"));
        }

        var gezien = new List<string>();
        var url = $"{Base}/omgevingsdiensten?zoek={prefix}&paginaGrootte=2";
        while (url is not null)
        {
            using var client = await Anoniem();
            using var response = await client.GetAsync(url, Ct);
            var pagina = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
            Assert.Equal(5, pagina.GetProperty("totaal").GetInt32());
            gezien.AddRange(pagina.GetProperty("omgevingsdiensten").EnumerateArray().Select(o => o.GetProperty("code").GetString()!));
            var next = pagina.GetProperty("_links").GetProperty("next");
            url = next.ValueKind == System.Text.Json.JsonValueKind.Null ? null : next.GetProperty("href").GetString();
            Assert.Equal(url is not null, response.Headers.Contains("Link"));
        }

        Assert.Equal(codes, gezien);
    }

    [Fact]
    public async Task filters_op_provincie_seveso_status_en_zoektekst()
    {
        var prefix = NieuweCode("F");
        var drenthe = await RegistreerAsync($"{prefix}D", provincie: "Drenthe");
        var seveso = await RegistreerAsync($"{prefix}S", provincie: "Noord-Brabant");
        using (var client = await Ienw())
        {
            (await client.PutAsJsonAsync($"{Base}/omgevingsdiensten/{seveso}/seveso-aanwijzing",
                new { provincies = new[] { "Noord-Brabant" }, ingangsdatum = "2016-01-01" }, Ct)).Dispose();
        }

        var toekomstig = await RegistreerAsync($"{prefix}T", provincie: "Drenthe", opgerichtOp: "2099-01-01");

        Assert.Equal([drenthe], await Codes($"zoek={prefix}&provincie=Drenthe"));
        Assert.Equal([seveso], await Codes($"zoek={prefix}&seveso=true"));
        Assert.Equal([drenthe], await Codes($"zoek={prefix}&seveso=false"));
        Assert.Equal([toekomstig], await Codes($"zoek={prefix}&status=toekomstig"));
        Assert.Equal([drenthe, seveso, toekomstig], await Codes($"zoek={prefix.ToLowerInvariant()}&status=alle"));
        Assert.Equal([drenthe, toekomstig], await Codes($"zoek={prefix}&provincie=Drenthe&peildatum=2099-01-01"));
        Assert.Empty(await Codes($"zoek={prefix}&peildatum=2015-01-01&seveso=true"));
    }

    private async Task<List<string>> Codes(string query)
    {
        var pagina = await GetJsonAsync($"{Base}/omgevingsdiensten?{query}&paginaGrootte=100");
        return [.. pagina.GetProperty("omgevingsdiensten").EnumerateArray().Select(o => o.GetProperty("code").GetString()!)];
    }

    [Fact]
    public async Task de_paginagrootte_is_begrensd()
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync($"{Base}/omgevingsdiensten?paginaGrootte=1000", Ct);
        Assert.Contains("paginaGrootte", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
