using System.Net;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>Replay per subscription (one; failed since a time; after a sequence number) and the pull fallback.</summary>
public sealed class HerbezorgingTests(NotificatiesFixture fixture) : NotificatiesTest(fixture)
{
    [Fact]
    public async Task een_mislukte_aflevering_en_alles_wat_mislukte_sinds_een_tijdstip_opnieuw()
    {
        var od = NieuweOd();
        var (pad, url, gedrag) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        gedrag.Status = 500;
        var sinds = DateTimeOffset.UtcNow;
        await WijzigOdAsync(od, "een");
        await WijzigOdAsync(od, "twee");
        await WijzigOdAsync(od, "drie");
        await Eventually.UntilAsync(async () => (await AfleveringenAsync("ipo", id, "mislukt")).GetArrayLength() == 3, TimeSpan.FromSeconds(30),
            () => "not all failed", Ct);
        gedrag.Status = 200;
        var mislukt = await AfleveringenAsync("ipo", id, "mislukt");

        var een = await (await PostAsync("ipo", $"/abonnementen/{id}/afleveringen/{mislukt[0].GetProperty("id").GetString()}/herbezorging")).AssertJsonAsync();
        Assert.Equal("wachtend", een.GetProperty("status").GetString());
        Assert.Equal(1, een.GetProperty("herbezorgingen").GetInt32());
        Assert.Equal(["een"], (await WachtOpAsync(pad, 1)).Select(o => o.Naam));

        var rest = await (await PostAsync("ipo", $"/abonnementen/{id}/mislukte-afleveringen/herbezorging", new { sinds })).AssertJsonAsync();
        Assert.Equal(2, rest.GetProperty("aantal").GetInt32());
        Assert.Equal(["een", "twee", "drie"], (await WachtOpAsync(pad, 3)).Select(o => o.Naam));
        Assert.Empty((await AfleveringenAsync("ipo", id, "mislukt")).EnumerateArray());
        var pogingen = (await AfleveringenAsync("ipo", id))[1].GetProperty("pogingen").GetArrayLength();
        Assert.Equal(5, pogingen);
    }

    [Fact]
    public async Task alles_na_een_volgnummer_opnieuw_en_de_pull_terugvaloptie()
    {
        var od = NieuweOd();
        var (pad, url, _) = Ontvanger.NieuwPad();
        var (id, _) = await AbonneerAsync("ipo", url, ["register"], new { subject = od });
        for (var i = 0; i < 5; i++)
        {
            await WijzigOdAsync(od, $"v{i}");
        }

        await WachtOpAsync(pad, 5);
        var afleveringen = await AfleveringenAsync("ipo", id);
        var derde = afleveringen[2].GetProperty("volgnummer").GetInt64();

        // Pull: pages of two after the second, as the CloudEvents sent.
        var pagina = await GetAsync("ipo", $"/abonnementen/{id}/gebeurtenissen?na={afleveringen[1].GetProperty("volgnummer").GetInt64()}&paginaGrootte=2");
        var items = pagina.GetProperty("gebeurtenissen").EnumerateArray().ToList();
        Assert.Equal(["v2", "v3"], items.Select(i => i.GetProperty("gebeurtenis").GetProperty("data").GetProperty("naam").GetString()));
        Assert.All(items, i => Assert.Equal("afgeleverd", i.GetProperty("status").GetString()));
        var volgende = pagina.GetProperty("_links").GetProperty("next").GetProperty("href").GetString()!;
        var rest = await GetAsync("ipo", volgende[Base.Length..]);
        Assert.Equal(["v4"], rest.GetProperty("gebeurtenissen").EnumerateArray().Select(i => i.GetProperty("gebeurtenis").GetProperty("data").GetProperty("naam").GetString()));

        var herbezorgd = await (await PostAsync("ipo", $"/abonnementen/{id}/gebeurtenissen/herbezorging", new { na = derde })).AssertJsonAsync();
        Assert.Equal(2, herbezorgd.GetProperty("aantal").GetInt32());
        var ontvangen = await WachtOpAsync(pad, 7);
        Assert.Equal(["v0", "v1", "v2", "v3", "v4", "v3", "v4"], ontvangen.Select(o => o.Naam));
        Assert.Equal(ontvangen[3].Id, ontvangen[5].Id);

        await (await PostAsync("ipo", $"/abonnementen/{id}/gebeurtenissen/herbezorging", new { })).AssertOngeldigAsync("na");
        await (await PostAsync("ipo", $"/abonnementen/{id}/mislukte-afleveringen/herbezorging", new { })).AssertOngeldigAsync("sinds");
        using var client = await Client("ipo");
        await (await client.GetAsync($"{Base}/abonnementen/{id}/gebeurtenissen?na=-1&paginaGrootte=0", Ct)).AssertOngeldigAsync("na", "paginaGrootte");
        await (await client.GetAsync($"{Base}/abonnementen/{id}/afleveringen?status=kwijt", Ct)).AssertOngeldigAsync("status");
        await (await PostAsync("vng", $"/abonnementen/{id}/gebeurtenissen/herbezorging", new { na = 0 })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PostAsync("ipo", $"/abonnementen/{id}/afleveringen/bestaat-niet/herbezorging")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
