using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>A submitted report is immutable; a correction is a new version (who, when, why), listed and comparable.</summary>
public sealed class CorrectieTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    private async Task<(string Code, string Id)> IngediendeAsync()
    {
        await CatalogusAsync();
        var code = await BekendeOdAsync();
        var id = await ConceptAsync(code);
        await KerngetallenAsync(code, id, new { totaalFte = 100, fteVasteDienst = 70 });
        await IndienenAsync(code, id, "Eerste rapportage");
        return (code, id);
    }

    private static object Correctie(string? reden = "Telfout: 85 fte in vaste dienst", object? kerngetallen = null, object? criteria = null, string? toelichting = null) =>
        new { reden, kerngetallen = kerngetallen ?? new { totaalFte = 100, fteVasteDienst = 85 }, criteria, toelichting };

    [Fact]
    public async Task een_correctie_is_een_nieuwe_versie_met_reden_en_de_eerste_blijft()
    {
        var (code, id) = await IngediendeAsync();
        using var client = await Od(code);
        using var response = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/correcties", Correctie(
            criteria: new[] { new { nummer = 7, maatregelen = "Flexibele schil in vaste dienst", planning = Array.Empty<object>(), risicos = (string?)null, haalbaarheid = 1 } }), Ct);
        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Base}/voortgangsrapportages/{id}?versie=2", response.Headers.Location!.OriginalString);
        Assert.Equal(2, body.GetProperty("rapportageversie").GetInt32());
        Assert.Equal("groen", Uitkomst(body, 7));
        Assert.Equal("Eerste rapportage", body.GetProperty("toelichting").GetString());

        var versies = await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}/versies", Ct)).AssertJsonAsync();
        var items = versies.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], items.Select(v => v.GetProperty("versie").GetInt32()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("reden").ValueKind);
        Assert.Equal("Telfout: 85 fte in vaste dienst", items[1].GetProperty("reden").GetString());
        Assert.Equal($"od-{code}", items[1].GetProperty("door").GetString());

        var eerste = await RapportageAsync(code, id, "?versie=1");
        Assert.Equal("rood", Uitkomst(eerste, 7));
        Assert.Equal(1, eerste.GetProperty("rapportageversie").GetInt32());
        Assert.Equal("groen", Uitkomst(await RapportageAsync(code, id), 7));
        await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}?versie=3", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        var verschil = (await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}/verschillen?van=1&naar=2", Ct)).AssertJsonAsync()).GetProperty("verschil");
        var kerngetal = Assert.Single(verschil.GetProperty("kerngetallen").EnumerateArray());
        Assert.Equal(("fteVasteDienst", 70m, 85m), (kerngetal.GetProperty("code").GetString(), kerngetal.GetProperty("oud").GetDecimal(), kerngetal.GetProperty("nieuw").GetDecimal()));
        var rij = Assert.Single(verschil.GetProperty("criteria").EnumerateArray());
        Assert.True(rij.GetProperty("toegevoegd").GetBoolean());
        var uitkomst = Assert.Single(verschil.GetProperty("evaluatie").EnumerateArray());
        Assert.Equal(("rood", "groen"), (uitkomst.GetProperty("oud").GetString(), uitkomst.GetProperty("nieuw").GetString()));
    }

    [Fact]
    public async Task ienw_corrigeert_namens_de_od_met_if_match_en_een_verouderde_is_412()
    {
        var (code, id) = await IngediendeAsync();
        using var client = await Ienw();
        using var get = await client.GetAsync($"{Base}/voortgangsrapportages/{id}", Ct);
        var etag = get.Headers.ETag!;
        using var eerste = new HttpRequestMessage(HttpMethod.Post, $"{Base}/voortgangsrapportages/{id}/correcties") { Content = JsonContent.Create(Correctie()) };
        eerste.Headers.IfMatch.Add(etag);
        await (await client.SendAsync(eerste, Ct)).AssertJsonAsync(HttpStatusCode.Created);

        var voor = await App.EventCountAsync(Ct);
        using var oud = new HttpRequestMessage(HttpMethod.Post, $"{Base}/voortgangsrapportages/{id}/correcties") { Content = JsonContent.Create(Correctie(toelichting: "x")) };
        oud.Headers.IfMatch.Add(etag);
        await (await client.SendAsync(oud, Ct)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        var versies = await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}/versies", Ct)).AssertJsonAsync();
        Assert.Equal("ienw", versies.GetProperty("items")[1].GetProperty("door").GetString());
    }

    [Fact]
    public async Task slechte_correcties_zijn_400_of_409_en_voegen_niets_toe()
    {
        var (code, id) = await IngediendeAsync();
        var concept = await ConceptAsync(code, "voortgang2");
        using var client = await Od(code);
        var voor = await App.EventCountAsync(Ct);
        var url = $"{Base}/voortgangsrapportages/{id}/correcties";

        await (await client.PostAsJsonAsync(url, Correctie(reden: null), Ct)).AssertOngeldigAsync("reden");
        await (await client.PostAsJsonAsync(url, Correctie(kerngetallen: new { totaalFte = -1 }), Ct)).AssertOngeldigAsync("kerngetallen.totaalFte");
        await (await client.PostAsJsonAsync(url, Correctie(kerngetallen: new { aantalKatten = 1 }), Ct)).AssertOngeldigAsync("kerngetallen.aantalKatten");
        using var verkeerdType = new StringContent("""{"reden":"x","kerngetallen":{"totaalFte":"honderd"}}""", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync(url, verkeerdType, Ct)).AssertOngeldigAsync("kerngetallen.totaalFte");
        await (await client.PostAsJsonAsync(url, Correctie(criteria: new[] { new { nummer = 7, maatregelen = "x", planning = (object?)null, risicos = (string?)null, haalbaarheid = 4 } }), Ct))
            .AssertOngeldigAsync("criteria[0].haalbaarheid");
        await (await client.PostAsJsonAsync(url, Correctie(criteria: new[] { new { nummer = 2, maatregelen = "x", planning = (object?)null, risicos = (string?)null, haalbaarheid = 1 } }), Ct))
            .AssertOngeldigAsync("criteria[0].nummer");
        await (await client.PostAsJsonAsync(url, Correctie(kerngetallen: new { totaalFte = 100, fteVasteDienst = 70 }), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{concept}/correcties", Correctie(), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{code}-voortgang3/correcties", Correctie(), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}?versie=een", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}/verschillen?van=1", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"{Base}/voortgangsrapportages/{id}/verschillen?van=1&naar=9", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        // Immutable: the draft's own commands refuse a submitted report.
        await (await client.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", new { waarden = new { totaalFte = 1 } }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_andere_od_corrigeert_niet_en_ziet_geen_versies()
    {
        var (_, id) = await IngediendeAsync();
        using var ander = await Od(await BekendeOdAsync());
        var voor = await App.EventCountAsync(Ct);
        await (await ander.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/correcties", Correctie(), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ander.GetAsync($"{Base}/voortgangsrapportages/{id}/versies", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ander.GetAsync($"{Base}/voortgangsrapportages/{id}/verschillen?van=1&naar=1", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        using var ipo = await App.ClientAsync("ipo", Ct);
        await (await ipo.GetAsync($"{Base}/voortgangsrapportages/{id}/versies", Ct)).AssertJsonAsync();
        await (await ipo.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/correcties", Correctie(), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
