using System.Net;
using System.Net.Http.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

public sealed class RapportagerondeTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    [Fact]
    public async Task de_seeds_geven_vier_rondes_zonder_verzonnen_termijn()
    {
        using var client = await Ienw();
        var body = await (await client.GetAsync($"{Base}/rapportagerondes", Ct)).AssertJsonAsync();
        var rondes = body.GetProperty("rapportagerondes").EnumerateArray()
            .Where(r => r.GetProperty("naam").GetString() != "Testronde").ToList();
        Assert.Equal(["voortgang1", "voortgang2", "voortgang3", "eindrapportage"], rondes.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rondes, r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("indienenUiterlijk").ValueKind));
        Assert.All(rondes, r => Assert.Equal(1, r.GetProperty("formatVersie").GetInt32()));
        Assert.Equal("eindrapportage", rondes[3].GetProperty("soort").GetString());
    }

    [Fact]
    public async Task het_format_koppelt_kerngetallen_aan_7_10_17_en_19_zonder_eigen_drempel()
    {
        using var client = await Od("ODG");
        var body = await (await client.GetAsync($"{Base}/rapportageformat", Ct)).AssertJsonAsync();
        Assert.Equal(1, body.GetProperty("versie").GetInt32());
        var meetbaar = body.GetProperty("meetbareCriteria").EnumerateArray().ToList();
        Assert.Equal([7, 10, 17, 19], meetbaar.Select(d => d.GetProperty("criterium").GetInt32()));
        Assert.Equal("totaalFte", meetbaar[0].GetProperty("noemer").GetString());
        Assert.False(meetbaar[0].TryGetProperty("waarde", out _));
        Assert.Equal(7, body.GetProperty("kerngetallen").GetArrayLength());
    }

    [Fact]
    public async Task ienw_maakt_een_ronde_aan_en_stelt_de_termijn_vast_met_if_match()
    {
        var id = await RondeAsync(null);
        using var client = await Ienw();
        using var get = await client.GetAsync($"{Base}/rapportagerondes/{id}", Ct);
        var etag = get.Headers.ETag!.Tag;

        var wijziging = new { soort = "voortgang", naam = "Testronde", periodeVan = "2024-09-01", periodeTot = "2025-02-28", indienenUiterlijk = "2025-04-01", formatVersie = 1 };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Base}/rapportagerondes/{id}") { Content = JsonContent.Create(wijziging) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        var body = await (await client.SendAsync(request, Ct)).AssertJsonAsync();
        Assert.Equal("2025-04-01", body.GetProperty("indienenUiterlijk").GetString());
        Assert.Equal("2024-09-01", body.GetProperty("periode").GetProperty("van").GetString());

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"{Base}/rapportagerondes/{id}") { Content = JsonContent.Create(wijziging with { indienenUiterlijk = "2025-05-01" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        await (await client.SendAsync(stale, Ct)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task een_od_beheert_geen_rondes_en_anoniem_leest_ze_niet()
    {
        using var od = await Od("ODG");
        using var post = await od.PostAsJsonAsync($"{Base}/rapportagerondes",
            new { id = "odronde", soort = "voortgang", naam = "x", periodeVan = (string?)null, periodeTot = (string?)null, indienenUiterlijk = (string?)null, formatVersie = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var anoniem = await Anoniem();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anoniem.GetAsync($"{Base}/rapportagerondes", Ct)).StatusCode);
    }

    [Fact]
    public async Task een_ronde_zonder_termijnveld_of_met_onbekende_formatversie_is_400_en_voegt_niets_toe()
    {
        using var client = await Ienw();
        var voor = await App.EventCountAsync(Ct);
        using var zonder = await client.PostAsJsonAsync($"{Base}/rapportagerondes",
            new { id = "zonder", soort = "voortgang", naam = "x", periodeVan = (string?)null, periodeTot = (string?)null, formatVersie = 1 }, Ct);
        await zonder.AssertOngeldigAsync("indienenUiterlijk");
        using var versie = await client.PostAsJsonAsync($"{Base}/rapportagerondes",
            new { id = "versie9", soort = "voortgang", naam = "x", periodeVan = (string?)null, periodeTot = (string?)null, indienenUiterlijk = (string?)null, formatVersie = 9 }, Ct);
        await versie.AssertOngeldigAsync("formatVersie");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }
}
