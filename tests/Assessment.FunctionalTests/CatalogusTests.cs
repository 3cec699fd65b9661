using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>The criteria catalogue: seeded from the public annex, extended and versioned by IenW only.</summary>
public sealed class CatalogusTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private static readonly int[] BekendeNummers = [1, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20];
    private static readonly int[] NietOpenbaar = [2, 3, 5, 6, 12, 13];

    private async Task<List<JsonElement>> CatalogusAsync() =>
        [.. (await GetJsonAsync($"{Base}/criteria", clientId: null)).GetProperty("criteria").EnumerateArray()];

    private static int[] Nummers(IEnumerable<JsonElement> criteria) => [.. criteria.Select(c => c.GetProperty("nummer").GetInt32())];

    [Fact]
    public async Task de_catalogus_bevat_precies_de_veertien_openbare_nummers_en_ienw_voegt_nummer_2_toe()
    {
        var catalogus = await CatalogusAsync();
        Assert.Equal(BekendeNummers, Nummers(catalogus));
        Assert.Empty(NietOpenbaar.Intersect(Nummers(catalogus)));
        // (Criterion 7 may already have its second version from another test of this class.)
        Assert.All(catalogus.Where(c => c.GetProperty("versie").GetInt32() == 1), c => Assert.Equal("seed", c.GetProperty("vastgesteldDoor").GetString()));
        Assert.StartsWith("≥ 80% in vaste dienst", catalogus.Single(c => c.GetProperty("nummer").GetInt32() == 7).GetProperty("titel").GetString());
        Assert.Equal(">=", catalogus.Single(c => c.GetProperty("nummer").GetInt32() == 7).GetProperty("drempel").GetProperty("operator").GetString());

        using var ienw = await Ienw();
        using var response = await ienw.PostAsJsonAsync($"{Base}/criteria",
            new { nummer = 2, titel = "Een niet-openbaar criterium", vraag = (string?)null, drempel = (object?)null, bron = "IenW" }, Ct);

        var toegevoegd = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Base}/criteria/2", response.Headers.Location?.OriginalString);
        Assert.Equal(1, toegevoegd.GetProperty("versie").GetInt32());
        Assert.Equal("ienw", toegevoegd.GetProperty("vastgesteldDoor").GetString());
        var metTwee = Nummers(await CatalogusAsync());
        Assert.Equal([1, 2, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20], metTwee);
        var twee = await GetJsonAsync($"{Base}/criteria/2", clientId: null);
        Assert.Equal("Een niet-openbaar criterium", twee.GetProperty("huidig").GetProperty("titel").GetString());
    }

    [Theory]
    [InlineData("beoordelaar")]
    [InlineData("od-ODG")]
    [InlineData("ipo")]
    public async Task alleen_ienw_voegt_criteria_toe(string clientId)
    {
        using var client = await Als(clientId);
        using var response = await client.PostAsJsonAsync($"{Base}/criteria", new { nummer = 3, titel = "Niet van mij", vraag = (string?)null, drempel = (object?)null, bron = (string?)null }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var anoniem = await Anoniem();
        using var opgehaald = await anoniem.GetAsync($"{Base}/criteria/3", Ct);
        await opgehaald.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task anoniem_een_criterium_toevoegen_geeft_401()
    {
        using var client = await Anoniem();
        using var response = await client.PostAsJsonAsync($"{Base}/criteria", new { nummer = 5, titel = "Anoniem", vraag = (string?)null, drempel = (object?)null, bron = (string?)null }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task een_bestaand_nummer_nogmaals_toevoegen_geeft_409()
    {
        var voor = await GetJsonAsync($"{Base}/criteria/7", clientId: null);
        using var ienw = await Ienw();
        using var response = await ienw.PostAsJsonAsync($"{Base}/criteria",
            new { nummer = 7, titel = "Een ander criterium 7", vraag = (string?)null, drempel = (object?)null, bron = (string?)null }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var na = await GetJsonAsync($"{Base}/criteria/7", clientId: null);
        Assert.Equal(voor.GetProperty("versies").GetArrayLength(), na.GetProperty("versies").GetArrayLength());
        Assert.StartsWith("≥ 80%", na.GetProperty("huidig").GetProperty("titel").GetString());
    }

    [Fact]
    public async Task een_nieuwe_versie_laat_eerdere_beoordelingen_bij_hun_versie()
    {
        // Criterion 7 gets its second version in this test only.
        var eerder = await MaakConceptAsync();
        var rijVoor = Rij7(await ScoorAsync(eerder, 7));
        Assert.Equal(1, rijVoor.GetProperty("criteriumVersie").GetInt32());
        var oudeTitel = rijVoor.GetProperty("titel").GetString();

        using var ienw = await Ienw();
        using var opgehaald = await ienw.GetAsync($"{Base}/criteria/7", Ct);
        Assert.Equal("\"1\"", opgehaald.Headers.ETag?.Tag);
        using var wijziging = new HttpRequestMessage(HttpMethod.Put, $"{Base}/criteria/7")
        {
            Content = JsonContent.Create(new
            {
                titel = NieuweTitel,
                vraag = (string?)null,
                drempel = new { omschrijving = "Ten minste 85% van het totaal aantal fte in vaste dienst", grootheid = "aandeel fte in vaste dienst", @operator = ">=", waarde = 85, eenheid = "procent" },
                bron = "Editie 2",
            }),
        };
        wijziging.Headers.IfMatch.Add(opgehaald.Headers.ETag!);
        using var gewijzigd = await ienw.SendAsync(wijziging, Ct);

        var nieuw = await gewijzigd.AssertJsonAsync();
        Assert.Equal(2, nieuw.GetProperty("versie").GetInt32());
        Assert.Equal("\"2\"", gewijzigd.Headers.ETag?.Tag);
        var zeven = await GetJsonAsync($"{Base}/criteria/7", clientId: null);
        Assert.Equal(2, zeven.GetProperty("huidig").GetProperty("versie").GetInt32());
        Assert.Equal([1, 2], zeven.GetProperty("versies").EnumerateArray().Select(v => v.GetProperty("versie").GetInt32()));
        Assert.Equal(oudeTitel, zeven.GetProperty("versies")[0].GetProperty("titel").GetString());
        Assert.Equal(85, zeven.GetProperty("huidig").GetProperty("drempel").GetProperty("waarde").GetInt32());
        Assert.Equal(2, (await CatalogusAsync()).Single(c => c.GetProperty("nummer").GetInt32() == 7).GetProperty("versie").GetInt32());

        // The earlier assessment keeps version 1 (and shows that version's title); a new score uses version 2.
        var rijNa = Rij7(await GetJsonAsync($"{Base}/beoordelingen/{eerder}"));
        Assert.Equal(1, rijNa.GetProperty("criteriumVersie").GetInt32());
        var later = await MaakConceptAsync(Register.Fumo);
        var nieuweRij = Rij7(await ScoorAsync(later, 7));
        Assert.Equal(2, nieuweRij.GetProperty("criteriumVersie").GetInt32());
        Assert.Equal(NieuweTitel, nieuweRij.GetProperty("titel").GetString());
        Assert.Equal(oudeTitel, rijNa.GetProperty("titel").GetString());
    }

    [Fact]
    public async Task een_nieuwe_versie_met_een_verouderde_if_match_geeft_412()
    {
        using var ienw = await Ienw();
        using var wijziging = new HttpRequestMessage(HttpMethod.Put, $"{Base}/criteria/9")
        {
            Content = JsonContent.Create(new { titel = "Komt er een innovatie-agenda (editie 2)?", vraag = (string?)null, drempel = (object?)null, bron = (string?)null }),
        };
        wijziging.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        using var response = await ienw.SendAsync(wijziging, Ct);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var negen = await GetJsonAsync($"{Base}/criteria/9", clientId: null);
        Assert.Single(negen.GetProperty("versies").EnumerateArray());
        Assert.Equal("Komt er een innovatie-agenda?", negen.GetProperty("huidig").GetProperty("titel").GetString());
    }

    [Fact]
    public async Task een_nieuwe_versie_van_een_onbekend_criterium_geeft_404()
    {
        using var ienw = await Ienw();
        using var response = await ienw.PutAsJsonAsync($"{Base}/criteria/13", new { titel = "Bestaat niet", vraag = (string?)null, drempel = (object?)null, bron = (string?)null }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private const string NieuweTitel = "≥ 80% in vaste dienst van het totaal aantal FTE (editie 2: 85%)";

    private static JsonElement Rij7(JsonElement beoordeling) =>
        beoordeling.GetProperty("criteria").EnumerateArray().Single(r => r.GetProperty("nummer").GetInt32() == 7);
}
