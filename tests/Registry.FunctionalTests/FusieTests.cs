using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Registry.FunctionalTests;

public sealed class FusieTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    private async Task<HttpResponseMessage> KondigAanAsync(string[] deelnemers, string opvolger,
        string ingangsdatum = "2026-01-01", string aangekondigdOp = "2025-03-01")
    {
        using var client = await Ienw();
        return await client.PostAsJsonAsync($"{Base}/fusies", new
        {
            deelnemers,
            opvolger = new { code = opvolger, naam = $"Omgevingsdienst {opvolger}", provincies = new[] { "Gelderland" }, aantalDeelnemers = 16 },
            ingangsdatum,
            aangekondigdOp,
        }, Ct);
    }

    private async Task<HttpResponseMessage> PostAsync(string url, object? body = null)
    {
        using var client = await Ienw();
        return await client.PostAsJsonAsync(url, body ?? new { }, Ct);
    }

    private async Task WijsSevesoAanAsync(string code, params string[] provincies)
    {
        using var client = await Ienw();
        using var response = await client.PutAsJsonAsync($"{Base}/omgevingsdiensten/{code}/seveso-aanwijzing",
            new { provincies, ingangsdatum = "2019-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task een_voltooide_fusie_heft_de_deelnemers_op_richt_de_opvolger_op_en_verhuist_seveso()
    {
        var a = await RegistreerAsync(provincie: "Gelderland");
        var b = await RegistreerAsync(provincie: "Gelderland");
        await WijsSevesoAanAsync(b, "Gelderland", "Overijssel");
        var opvolger = NieuweCode("GM");

        using var aangekondigd = await KondigAanAsync([a, b], opvolger);
        Assert.Equal(HttpStatusCode.Created, aangekondigd.StatusCode);
        Assert.Equal($"{Base}/fusies/{opvolger}", aangekondigd.Headers.Location?.OriginalString);
        var fusie = await GetJsonAsync($"{Base}/fusies/{opvolger}");
        Assert.Equal("aangekondigd", fusie.GetProperty("status").GetString());
        Assert.Equal("aangekondigd", (await GetJsonAsync($"{Base}/omgevingsdiensten/{a}")).GetProperty("fusie").GetProperty("status").GetString());

        using var voltooid = await PostAsync($"{Base}/fusies/{opvolger}/voltooiing");
        Assert.Equal(HttpStatusCode.OK, voltooid.StatusCode);

        foreach (var code in new[] { a, b })
        {
            var od = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=2026-06-01");
            Assert.Equal("opgeheven", od.GetProperty("status").GetString());
            Assert.Equal("2026-01-01", od.GetProperty("opgehevenOp").GetString());
            Assert.Equal([opvolger], od.GetProperty("opvolgers").EnumerateArray().Select(o => o.GetString()));
            Assert.False(od.GetProperty("seveso").GetBoolean());
        }

        var nieuw = await GetJsonAsync($"{Base}/omgevingsdiensten/{opvolger}?peildatum=2026-06-01");
        Assert.Equal("actief", nieuw.GetProperty("status").GetString());
        Assert.Equal("2026-01-01", nieuw.GetProperty("opgerichtOp").GetString());
        Assert.Equal([a, b], nieuw.GetProperty("voorgangers").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["Gelderland", "Overijssel"], nieuw.GetProperty("sevesoProvincies").EnumerateArray().Select(o => o.GetString()));

        // The day before the merger the register still shows the old situation.
        var ervoor = await GetJsonAsync($"{Base}/omgevingsdiensten/{b}?peildatum=2025-12-31");
        Assert.Equal("actief", ervoor.GetProperty("status").GetString());
        Assert.True(ervoor.GetProperty("seveso").GetBoolean());
        Assert.Equal("toekomstig", (await GetJsonAsync($"{Base}/omgevingsdiensten/{opvolger}?peildatum=2025-12-31")).GetProperty("status").GetString());
        var seveso = await GetJsonAsync($"{Base}/seveso-overzicht?peildatum=2025-12-31");
        Assert.Equal(b, SevesoVoor(seveso, "Overijssel"));
        Assert.Equal(opvolger, SevesoVoor(await GetJsonAsync($"{Base}/seveso-overzicht?peildatum=2026-01-01"), "Overijssel"));

        Assert.Equal("voltooid", (await GetJsonAsync($"{Base}/fusies/{opvolger}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task voltooien_of_annuleren_van_een_voltooide_fusie_geeft_409_zonder_gevolgen()
    {
        var a = await RegistreerAsync();
        var b = await RegistreerAsync();
        var opvolger = NieuweCode("U");
        (await KondigAanAsync([a, b], opvolger)).Dispose();
        (await PostAsync($"{Base}/fusies/{opvolger}/voltooiing")).Dispose();
        var voor = await App.EventCountAsync(Ct);

        using var nogmaals = await PostAsync($"{Base}/fusies/{opvolger}/voltooiing");
        await nogmaals.AssertProblemAsync(HttpStatusCode.Conflict);
        using var annuleren = await PostAsync($"{Base}/fusies/{opvolger}/annulering", new { reden = "te laat" });
        await annuleren.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_opgeheven_omgevingsdienst_kan_niet_opnieuw_fuseren()
    {
        var a = await RegistreerAsync();
        var b = await RegistreerAsync();
        var c = await RegistreerAsync();
        var opvolger = NieuweCode("U");
        (await KondigAanAsync([a, b], opvolger)).Dispose();
        (await PostAsync($"{Base}/fusies/{opvolger}/voltooiing")).Dispose();
        var voor = await App.EventCountAsync(Ct);

        using var response = await KondigAanAsync([a, c], NieuweCode("X"), "2027-01-01", "2026-06-01");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(a, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        Assert.Null((await GetJsonAsync($"{Base}/omgevingsdiensten/{c}")).GetProperty("fusie").GetString());
    }

    [Fact]
    public async Task een_geannuleerde_fusie_laat_de_deelnemers_bestaan_en_vrij_voor_een_nieuwe()
    {
        var a = await RegistreerAsync();
        var b = await RegistreerAsync();
        var opvolger = NieuweCode("U");
        (await KondigAanAsync([a, b], opvolger)).Dispose();

        using var geannuleerd = await PostAsync($"{Base}/fusies/{opvolger}/annulering", new { reden = "Besturen akkoord ingetrokken" });
        Assert.Equal(HttpStatusCode.OK, geannuleerd.StatusCode);
        Assert.Equal("geannuleerd", (await GetJsonAsync($"{Base}/fusies/{opvolger}")).GetProperty("status").GetString());
        Assert.Equal("actief", (await GetJsonAsync($"{Base}/omgevingsdiensten/{a}")).GetProperty("status").GetString());
        using var opvolgerBestaat = await (await Anoniem()).GetAsync($"{Base}/omgevingsdiensten/{opvolger}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, opvolgerBestaat.StatusCode);

        using var opnieuw = await KondigAanAsync([a, b], opvolger, "2027-01-01", "2026-02-01");
        Assert.Equal(HttpStatusCode.Created, opnieuw.StatusCode);
        Assert.Equal("2027-01-01", (await GetJsonAsync($"{Base}/fusies/{opvolger}")).GetProperty("ingangsdatum").GetString());
    }

    [Fact]
    public async Task aankondigingsregels_worden_bewaakt_zonder_iets_toe_te_voegen()
    {
        var a = await RegistreerAsync();
        var b = await RegistreerAsync();
        var c = await RegistreerAsync();
        var lopend = NieuweCode("U");
        (await KondigAanAsync([a, b], lopend)).Dispose();
        var voor = await App.EventCountAsync(Ct);

        using (var dubbeleDeelname = await KondigAanAsync([b, c], NieuweCode("X")))
        {
            await dubbeleDeelname.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        using (var onbekend = await KondigAanAsync([c, "ONBEKEND1"], NieuweCode("X")))
        {
            Assert.Contains("deelnemers[1]", (await onbekend.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        using (var bestaandeOpvolger = await KondigAanAsync([c, await RegistreerAsync()], a))
        {
            await bestaandeOpvolger.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        using (var teVroeg = await KondigAanAsync([c, a], NieuweCode("X"), "2025-01-01", "2025-06-01"))
        {
            Assert.Contains("ingangsdatum", (await teVroeg.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        Assert.Equal(voor + 1, await App.EventCountAsync(Ct)); // only the extra registration above
        using var onbekendeFusie = await (await Anoniem()).GetAsync($"{Base}/fusies/NIETS", Ct);
        await onbekendeFusie.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task fusies_zijn_als_lijst_op_te_vragen()
    {
        var a = await RegistreerAsync();
        var b = await RegistreerAsync();
        var opvolger = NieuweCode("L");
        (await KondigAanAsync([a, b], opvolger)).Dispose();

        var lijst = await GetJsonAsync($"{Base}/fusies");
        var fusie = lijst.GetProperty("fusies").EnumerateArray().Single(f => f.GetProperty("opvolger").GetString() == opvolger);
        Assert.Equal([a, b], fusie.GetProperty("deelnemers").EnumerateArray().Select(d => d.GetString()));
    }

    private static string? SevesoVoor(JsonElement overzicht, string provincie) =>
        overzicht.GetProperty("provincies").EnumerateArray().Single(p => p.GetProperty("provincie").GetString() == provincie)
            .GetProperty("omgevingsdienst") is { ValueKind: JsonValueKind.Object } od ? od.GetProperty("code").GetString() : null;
}
