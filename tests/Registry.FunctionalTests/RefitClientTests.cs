using RobuustOD.Contracts.Api;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Contracts;
using RobuustOD.Contracts.Register.Api;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// The typed client from RobuustOD.Contracts (Refit, source-generated, as registered by AddRegisterApiClient)
/// against the running register: client and server share one definition of the responses and agree on the wire.
/// </summary>
public sealed class RefitClientTests : RegistryTest, IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IRegisterApi _api;

    public RefitClientTests(RegistryFixture fixture) : base(fixture)
    {
        var services = new ServiceCollection();
        services.AddRegisterApiClient(App.Server.BaseAddress).ConfigurePrimaryHttpMessageHandler(() => App.Server.CreateHandler());
        _services = services.BuildServiceProvider();
        _api = _services.GetRequiredService<IRegisterApi>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task zoeken_met_alle_parameters_en_bladeren()
    {
        // Two ODs in Fryslân whose codes share a prefix no other test uses; the non-ASCII province travels in the query.
        var prefix = NieuweCode("RC");
        var a = await RegistreerAsync(prefix + "A", "Fryslân", "2015-01-01");
        var b = await RegistreerAsync(prefix + "B", "Fryslân", "2020-01-01");

        var eerste = await _api.ZoekOmgevingsdienstenAsync(provincie: "Fryslân", status: StatusFilter.Alle, zoek: prefix,
            peildatum: new DateOnly(2018, 6, 1), paginaGrootte: 1, cancellationToken: Ct);

        Assert.Equal(2, eerste.Totaal);
        Assert.Equal(new DateOnly(2018, 6, 1), eerste.Peildatum);
        var od = Assert.Single(eerste.Omgevingsdiensten);
        Assert.Equal(a, od.Code);
        Assert.Equal(OmgevingsdienstStatus.Actief, od.Status);
        Assert.NotNull(eerste.Links.Next);
        Assert.Null(eerste.Links.Prev);

        var tweede = await _api.ZoekOmgevingsdienstenAsync(provincie: "Fryslân", status: StatusFilter.Alle, zoek: prefix,
            peildatum: new DateOnly(2018, 6, 1), pagina: 2, paginaGrootte: 1, cancellationToken: Ct);
        Assert.Equal(b, Assert.Single(tweede.Omgevingsdiensten).Code);
        Assert.Equal(OmgevingsdienstStatus.Toekomstig, tweede.Omgevingsdiensten[0].Status);
        Assert.Null(tweede.Links.Next);

        // The default status filter (actief) on that date leaves out the one founded later; seveso=false keeps the rest.
        var actief = await _api.ZoekOmgevingsdienstenAsync(seveso: false, zoek: prefix, peildatum: new DateOnly(2018, 6, 1), cancellationToken: Ct);
        Assert.Equal([a], actief.Omgevingsdiensten.Select(o => o.Code));
        var seveso = await _api.ZoekOmgevingsdienstenAsync(seveso: true, zoek: prefix, cancellationToken: Ct);
        Assert.Empty(seveso.Omgevingsdiensten);
    }

    [Fact]
    public async Task een_omgevingsdienst_op_een_peildatum_en_zijn_historie()
    {
        var code = await RegistreerAsync(provincie: "Zeeland", opgerichtOp: "2015-01-01");

        var od = await _api.HaalOmgevingsdienstOpAsync(code, cancellationToken: Ct);

        Assert.Equal(code, od.Code);
        Assert.Equal($"Omgevingsdienst {code}", od.Naam);
        Assert.Equal(["Zeeland"], od.Provincies);
        Assert.Equal(7, od.AantalDeelnemers);
        Assert.Equal(new DateOnly(2015, 1, 1), od.OpgerichtOp);
        Assert.Equal(OmgevingsdienstStatus.Actief, od.Status);
        Assert.False(od.Seveso);
        Assert.Null(od.Fusie);
        Assert.Null(od.Zelftoets);
        Assert.Equal(1, od.Versie);
        Assert.Equal($"{Base}/omgevingsdiensten/{code}", od.Links.Self.Href);
        Assert.Equal($"{Base}/omgevingsdiensten/{code}/historie", od.Links.Historie.Href);

        var ervoor = await _api.HaalOmgevingsdienstOpAsync(code, new DateOnly(2014, 12, 31), Ct);
        Assert.Equal(OmgevingsdienstStatus.Toekomstig, ervoor.Status);
        Assert.Equal(new DateOnly(2014, 12, 31), ervoor.Peildatum);

        var historie = await _api.HaalHistorieOpAsync(code, Ct);
        Assert.Equal(code, historie.Omgevingsdienst);
        var gebeurtenis = Assert.Single(historie.Gebeurtenissen);
        Assert.Equal("omgevingsdienst-geregistreerd", gebeurtenis.Type);
        Assert.Equal(code, gebeurtenis.Gegevens.GetProperty("code").GetString());
    }

    [Fact]
    public async Task het_seveso_overzicht_noemt_de_aangewezen_omgevingsdienst()
    {
        var code = await RegistreerAsync(provincie: "Limburg");
        using (var client = await Ienw())
        using (var response = await client.PutAsJsonAsync($"{Base}/omgevingsdiensten/{code}/seveso-aanwijzing",
                   new { provincies = new[] { "Limburg" }, ingangsdatum = "2020-01-01" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var overzicht = await _api.HaalSevesoOverzichtOpAsync(new DateOnly(2024, 1, 1), Ct);

        Assert.Equal(new DateOnly(2024, 1, 1), overzicht.Peildatum);
        Assert.Equal(12, overzicht.Provincies.Count);
        Assert.Equal(new SevesoOd(code, $"Omgevingsdienst {code}"), overzicht.Provincies.Single(p => p.Provincie == "Limburg").Omgevingsdienst);
        var ervoor = await _api.HaalSevesoOverzichtOpAsync(new DateOnly(2019, 12, 31), Ct);
        Assert.Null(ervoor.Provincies.Single(p => p.Provincie == "Limburg").Omgevingsdienst);

        var od = await _api.HaalOmgevingsdienstOpAsync(code, new DateOnly(2024, 1, 1), Ct);
        Assert.True(od.Seveso);
        Assert.Equal(["Limburg"], od.SevesoProvincies);
        Assert.Contains(code, (await _api.ZoekOmgevingsdienstenAsync(seveso: true, provincie: "Limburg", cancellationToken: Ct))
            .Omgevingsdiensten.Select(o => o.Code));
    }

    [Fact]
    public async Task een_aangekondigde_fusie_in_de_lijst_en_op_zichzelf()
    {
        var a = await RegistreerAsync(provincie: "Drenthe");
        var b = await RegistreerAsync(provincie: "Drenthe");
        var opvolger = NieuweCode("RF");
        using (var client = await Ienw())
        using (var response = await client.PostAsJsonAsync($"{Base}/fusies", new
        {
            deelnemers = new[] { a, b },
            opvolger = new { code = opvolger, naam = $"Omgevingsdienst {opvolger}", provincies = new[] { "Drenthe" }, aantalDeelnemers = 12 },
            ingangsdatum = "2027-01-01",
            aangekondigdOp = "2025-09-01",
        }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var fusie = await _api.HaalFusieOpAsync(opvolger, Ct);

        Assert.Equal(opvolger, fusie.Opvolger);
        Assert.Equal($"Omgevingsdienst {opvolger}", fusie.OpvolgerNaam);
        Assert.Equal(["Drenthe"], fusie.OpvolgerProvincies);
        Assert.Equal(12, fusie.OpvolgerAantalDeelnemers);
        Assert.Equal([a, b], fusie.Deelnemers);
        Assert.Equal(new DateOnly(2027, 1, 1), fusie.Ingangsdatum);
        Assert.Equal(new DateOnly(2025, 9, 1), fusie.AangekondigdOp);
        Assert.Equal(FusieStatus.Aangekondigd, fusie.Status);
        Assert.Equal($"{Base}/fusies/{opvolger}", fusie.Links.Self.Href);

        Assert.Contains((await _api.ZoekFusiesAsync(Ct)).Fusies, f => f.Opvolger == opvolger && f.Status == FusieStatus.Aangekondigd);
        Assert.Equal(FusieStatus.Aangekondigd, (await _api.HaalOmgevingsdienstOpAsync(a, cancellationToken: Ct)).Fusie?.Status);
    }

    [Fact]
    public async Task een_onbekende_omgevingsdienst_geeft_een_api_exception_met_het_probleem()
    {
        var fout = await Assert.ThrowsAsync<Refit.ApiException>(() => _api.HaalOmgevingsdienstOpAsync(NieuweCode(), cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.NotFound, fout.StatusCode);
        Assert.Equal("application/problem+json", fout.ContentHeaders?.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(fout.Content!).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task de_contracttypen_lezen_en_schrijven_precies_wat_de_dienst_stuurt()
    {
        // Read with the contract's JSON and written back, every response is unchanged: no property the client
        // does not know (it would be dropped), none it expects but does not get, and the same enum and date formats.
        var code = await RegistreerAsync(provincie: "Groningen");
        var partner = await RegistreerAsync(provincie: "Groningen");
        var opvolger = NieuweCode("RJ");
        using (var client = await Ienw())
        {
            using var zelftoets = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/zelftoetsen",
                new { robuust = true, beoordeeldOp = "2025-03-01", toelichting = "Alle criteria gehaald." }, Ct);
            Assert.Equal(HttpStatusCode.OK, zelftoets.StatusCode);
            using var fusie = await client.PostAsJsonAsync($"{Base}/fusies", new
            {
                deelnemers = new[] { code, partner },
                opvolger = new { code = opvolger, naam = "Opvolger", provincies = new[] { "Groningen" }, aantalDeelnemers = (int?)null },
                ingangsdatum = "2027-01-01",
                aangekondigdOp = "2025-09-01",
            }, Ct);
            Assert.True(fusie.StatusCode == HttpStatusCode.Created, await fusie.Content.ReadAsStringAsync(Ct));
        }

        await AssertRondreisAsync($"{Base}/omgevingsdiensten?status=alle&zoek={code}", ContractsJsonContext.Default.Pagina);
        await AssertRondreisAsync($"{Base}/omgevingsdiensten/{code}", ContractsJsonContext.Default.OmgevingsdienstResource);
        await AssertRondreisAsync($"{Base}/omgevingsdiensten/{code}/historie", ContractsJsonContext.Default.Historie);
        await AssertRondreisAsync($"{Base}/seveso-overzicht", ContractsJsonContext.Default.Overzicht);
        await AssertRondreisAsync($"{Base}/fusies", ContractsJsonContext.Default.FusieLijst);
        await AssertRondreisAsync($"{Base}/fusies/{opvolger}", ContractsJsonContext.Default.FusieResource);
    }

    private async Task AssertRondreisAsync<T>(string url, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var server = JsonNode.Parse((await GetJsonAsync(url)).GetRawText())!;
        var gelezen = server.Deserialize(type)!;
        var client = JsonSerializer.SerializeToNode(gelezen, type)!;
        Assert.True(JsonNode.DeepEquals(server, client), $"GET {url}\n server: {server.ToJsonString()}\n client: {client.ToJsonString()}");
    }
}
