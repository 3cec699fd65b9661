using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>
/// The report to parliament over HTTP on a known set of ODs (this class's own database): the draft's counts, the
/// four representations, freezing, and a frozen report that stays the same, byte for byte, after new data.
/// </summary>
public sealed class KamerrapportageTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    private static string Periode => Vandaag.Month <= 6 ? $"{Vandaag.Year}-1" : $"{Vandaag.Year}-2";

    private static DateOnly PeriodeVan => Vandaag.Month <= 6 ? new(Vandaag.Year, 1, 1) : new(Vandaag.Year, 7, 1);

    [Fact]
    public async Task het_concept_telt_de_bekende_ods_en_een_vastgestelde_rapportage_blijft_ongewijzigd_na_nieuwe_gegevens()
    {
        // The known set: A (Seveso), B, and C merged into D within the period; the criteria 7 and 10 in the catalogue.
        var fusieOp = PeriodeVan;
        var (a, b, c, d) = ("KRA", "KRB", "KRC", "KRD");
        await using (var session = App.Store.LightweightSession())
        {
            session.Store(
                new OmgevingsdienstUitRegister { Id = a, Naam = "Omgevingsdienst A", Provincies = ["Groningen"], SevesoProvincies = ["Groningen"] },
                new OmgevingsdienstUitRegister { Id = b, Naam = "Omgevingsdienst B", Provincies = ["Utrecht"] },
                new OmgevingsdienstUitRegister { Id = c, Naam = "Omgevingsdienst C", Provincies = ["Gelderland"], OpgehevenOp = fusieOp, Opvolgers = [d] },
                new OmgevingsdienstUitRegister { Id = d, Naam = "Omgevingsdienst D", Provincies = ["Gelderland"], OpgerichtOp = fusieOp, Voorgangers = [c] });
            session.Store(
                new CriteriumUitCatalogus { Id = "7", Nummer = 7, Versie = 1, Titel = "≥ 80% in vaste dienst" },
                new CriteriumUitCatalogus { Id = "10", Nummer = 10, Versie = 1, Titel = "Innovatiebudget > 1%" });
            await session.SaveChangesAsync(Ct);
        }

        // A round whose due date passed: A submits (late, today), B and D do not (overdue).
        var ronde = await RondeAsync(PeriodeVan);
        await IndienenAsync(a, ronde, haalbaarheid7: 3);

        using var ienw = await Ienw();
        var concept = await GetJsonAsync(ienw, $"{Base}/kamerrapportages/{Periode}/concept");
        Assert.Equal("concept", concept.GetProperty("status").GetString());
        var alle = concept.GetProperty("inhoud").GetProperty("alle");
        Assert.Equal(3, alle.GetProperty("aantalOmgevingsdiensten").GetInt32());
        Assert.Equal(1, concept.GetProperty("inhoud").GetProperty("seveso").GetProperty("aantalOmgevingsdiensten").GetInt32());
        Assert.Equal(3, Aantal(alle.GetProperty("perUitkomst"), "nogNietBeoordeeld"));
        Assert.Equal(3, Aantal(alle.GetProperty("robuust"), "onbekend"));
        var zeven = alle.GetProperty("perCriterium").EnumerateArray().Single(k => k.GetProperty("nummer").GetInt32() == 7).GetProperty("nu");
        Assert.Equal((0, 0, 1, 2), (zeven.GetProperty("groen").GetInt32(), zeven.GetProperty("oranje").GetInt32(), zeven.GetProperty("rood").GetInt32(), zeven.GetProperty("onbekend").GetInt32()));
        var fusie = Assert.Single(concept.GetProperty("inhoud").GetProperty("registerwijzigingen").EnumerateArray());
        Assert.Equal("fusie", fusie.GetProperty("soort").GetString());
        Assert.Equal([c], fusie.GetProperty("omgevingsdiensten").EnumerateArray().Select(e => e.GetString()));
        var perStatus = concept.GetProperty("inhoud").GetProperty("rapportages").EnumerateArray().Single(r => r.GetProperty("ronde").GetString() == ronde).GetProperty("perStatus");
        Assert.Equal(1, Aantal(perStatus, "teLaat"));
        Assert.Equal(2, Aantal(perStatus, "verzuimd"));

        // A draft is IenW's; nothing is frozen yet.
        using var od = await Od(a);
        await (await od.GetAsync($"{Base}/kamerrapportages/{Periode}/concept", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await od.GetAsync($"{Base}/kamerrapportages/{Periode}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        using var vastgesteld = await ienw.PostAsJsonAsync($"{Base}/kamerrapportages/{Periode}/vaststelling", new { toelichting = "Verzonden met de voortgangsbrief" }, Ct);
        var versie1 = await vastgesteld.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Base}/kamerrapportages/{Periode}/versies/1", vastgesteld.Headers.Location?.OriginalString);
        Assert.Equal(1, versie1.GetProperty("versie").GetInt32());
        var html1 = await TekstAsync(od, $"{Base}/kamerrapportages/{Periode}", "text/html");
        var csv1 = await TekstAsync(od, $"{Base}/kamerrapportages/{Periode}", "text/csv");
        var md1 = await TekstAsync(od, $"{Base}/kamerrapportages/{Periode}", "text/markdown");
        Assert.Contains("<title>Voortgang robuuste omgevingsdiensten", html1, StringComparison.Ordinal);
        Assert.Contains("uitkomst;alle;nogNietBeoordeeld;3;KRA KRB KRD", csv1, StringComparison.Ordinal);
        Assert.Contains($"rapportages {ronde};alle;verzuimd;2;KRB KRD", csv1, StringComparison.Ordinal);
        Assert.Contains("vastgesteld, versie 1", md1, StringComparison.Ordinal);

        // New data after freezing: B submits. The draft moves; what parliament received does not.
        await IndienenAsync(b, ronde, haalbaarheid7: 1);
        var nieuwConcept = await GetJsonAsync(ienw, $"{Base}/kamerrapportages/{Periode}/concept");
        Assert.Equal(2, Aantal(nieuwConcept.GetProperty("inhoud").GetProperty("rapportages").EnumerateArray()
            .Single(r => r.GetProperty("ronde").GetString() == ronde).GetProperty("perStatus"), "teLaat"));
        Assert.Equal(html1, await TekstAsync(od, $"{Base}/kamerrapportages/{Periode}", "text/html"));
        Assert.Equal(csv1, await TekstAsync(od, $"{Base}/kamerrapportages/{Periode}", "text/csv"));
        Assert.Equal(versie1.GetProperty("inhoud").GetRawText(), (await GetJsonAsync(od, $"{Base}/kamerrapportages/{Periode}")).GetProperty("inhoud").GetRawText());

        // A stale If-Match cannot freeze; the next freezing is version 2, and version 1 stays readable as it was.
        using (var verouderd = new HttpRequestMessage(HttpMethod.Post, $"{Base}/kamerrapportages/{Periode}/vaststelling") { Content = JsonContent.Create(new { toelichting = (string?)null }) })
        {
            verouderd.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
            await (await ienw.SendAsync(verouderd, Ct)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        using var tweede = await ienw.PostAsJsonAsync($"{Base}/kamerrapportages/{Periode}/vaststelling", new { toelichting = (string?)null }, Ct);
        Assert.Equal(2, (await tweede.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("versie").GetInt32());
        Assert.Equal(html1, await TekstAsync(od, $"{Base}/kamerrapportages/{Periode}/versies/1", "text/html"));
        Assert.NotEqual(html1, await TekstAsync(od, $"{Base}/kamerrapportages/{Periode}", "text/html"));
    }

    [Fact]
    public async Task onbekende_periode_verkeerde_rol_en_slechte_invoer_veranderen_niets()
    {
        using var ienw = await Ienw();
        using var od = await Od("KRX");
        var voor = await App.EventCountAsync(Ct);

        await (await ienw.GetAsync($"{Base}/kamerrapportages/2026-3/concept", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ienw.GetAsync($"{Base}/kamerrapportages/{Periode}/versies/9", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await od.PostAsJsonAsync($"{Base}/kamerrapportages/{Periode}/vaststelling", new { toelichting = (string?)null }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ienw.PostAsJsonAsync($"{Base}/kamerrapportages/{Periode}/vaststelling", new { toelichting = "nul\u0000teken" }, Ct)).AssertOngeldigAsync("toelichting");
        await (await ienw.PostAsJsonAsync($"{Base}/kamerrapportages/{Vandaag.Year + 1}-2/vaststelling", new { toelichting = (string?)null }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using (var pdf = new HttpRequestMessage(HttpMethod.Get, $"{Base}/kamerrapportages/{Periode}/concept"))
        {
            pdf.Headers.Accept.ParseAdd("application/pdf");
            await (await ienw.SendAsync(pdf, Ct)).AssertProblemAsync(HttpStatusCode.NotAcceptable);
        }

        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    private async Task IndienenAsync(string code, string ronde, int haalbaarheid7)
    {
        var id = await ConceptAsync(code, ronde);
        using var client = await Od(code);
        using (var criterium = await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/criteria/7",
                   new { maatregelen = "Werving", planning = Array.Empty<object>(), risicos = (string?)null, haalbaarheid = haalbaarheid7 }, Ct))
        {
            await criterium.AssertJsonAsync();
        }

        using var indiening = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting = (string?)null }, Ct);
        await indiening.AssertJsonAsync();
    }

    private static int Aantal(JsonElement aantallen, string categorie) =>
        aantallen.EnumerateArray().Single(a => a.GetProperty("categorie").GetString() == categorie).GetProperty("waarde").GetInt32();

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        return await response.AssertJsonAsync();
    }

    private static async Task<string> TekstAsync(HttpClient client, string url, string type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(type);
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
