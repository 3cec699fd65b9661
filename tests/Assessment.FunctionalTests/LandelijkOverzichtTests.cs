using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Contracts.Register;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// The national matrix on a small made-up round: ODG (Seveso) 1 green, 4 orange, 7 red; FUMO 1 green, 4 red, 7 scored
/// without a colour; ODRU 1 orange; RUDU only a draft (1 red), which must not count.
/// </summary>
public sealed class LandelijkOverzichtTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private static readonly SemaphoreSlim Klaar = new(1, 1);
    private static string? _ronde;

    /// <summary>The round of this class, built once (the tests of a class share its database).</summary>
    private async Task<string> RondeAsync()
    {
        await Klaar.WaitAsync(Ct);
        try
        {
            if (_ronde is not null)
            {
                return _ronde;
            }

            var ronde = NieuweRonde();
            await PubliceerAsync(Register.Odg, ronde, (1, 1), (4, 2), (7, 3));
            await PubliceerAsync(Register.Fumo, ronde, (1, 1), (4, 3), (7, null));
            await PubliceerAsync(Register.Odru, ronde, (1, 2));
            var concept = await MaakConceptAsync(Register.Rudu, ronde);
            await ScoorAsync(concept, 1, Rij(haalbaarheid: 3));
            await LegOordeelVastAsync(concept);
            return _ronde = ronde;
        }
        finally
        {
            Klaar.Release();
        }
    }

    private async Task PubliceerAsync(string code, string ronde, params (int Nummer, int? Haalbaarheid)[] rijen)
    {
        var id = await MaakConceptAsync(code, ronde);
        foreach (var (nummer, haalbaarheid) in rijen)
        {
            await ScoorAsync(id, nummer, Rij(haalbaarheid));
        }

        await LegOordeelVastAsync(id, code == Register.Odru ? "nietRobuust" : "nietZelfstandigRobuust");
        await base.PubliceerAsync(id);
    }

    private async Task<int[]> CatalogusAsync() =>
        [.. (await GetJsonAsync($"{Base}/criteria", null)).GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("nummer").GetInt32())];

    private async Task<HttpResponseMessage> HaalOpAsync(string query, string? accept = null, string clientId = "ipo")
    {
        using var client = await Als(clientId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/landelijk-overzicht{query}");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request, Ct);
    }

    private static JsonElement Rij(JsonElement overzicht, string code) =>
        overzicht.GetProperty("omgevingsdiensten").EnumerateArray().Single(r => r.GetProperty("omgevingsdienst").GetString() == code);

    private static int? Haalbaarheid(JsonElement rij, int nummer)
    {
        var cel = rij.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("nummer").GetInt32() == nummer).GetProperty("haalbaarheid");
        return cel.ValueKind == JsonValueKind.Null ? null : cel.GetInt32();
    }

    private static (int Groen, int Oranje, int Rood, int Geen) Aantallen(JsonElement a) =>
        (a.GetProperty("groen").GetInt32(), a.GetProperty("oranje").GetInt32(), a.GetProperty("rood").GetInt32(), a.GetProperty("geen").GetInt32());

    [Fact]
    public async Task telt_per_criterium_en_per_omgevingsdienst_alleen_gepubliceerde_beoordelingen()
    {
        var ronde = await RondeAsync();
        var catalogus = await CatalogusAsync();
        using var response = await HaalOpAsync($"?ronde={ronde}");
        var overzicht = await response.AssertJsonAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        Assert.Equal(ronde, overzicht.GetProperty("ronde").GetString());
        Assert.Equal(JsonValueKind.Null, overzicht.GetProperty("seveso").ValueKind);
        Assert.Equal(catalogus, overzicht.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("nummer").GetInt32()));
        Assert.Equal([Register.Fumo, Register.Odg, Register.Odru],
            overzicht.GetProperty("omgevingsdiensten").EnumerateArray().Select(r => r.GetProperty("omgevingsdienst").GetString()));

        var odg = Rij(overzicht, Register.Odg);
        Assert.Equal("Omgevingsdienst Groningen", odg.GetProperty("naam").GetString());
        Assert.True(odg.GetProperty("seveso").GetBoolean());
        Assert.Equal("nietZelfstandigRobuust", odg.GetProperty("oordeel").GetString());
        Assert.Equal(1, odg.GetProperty("versie").GetInt32());
        Assert.Equal(catalogus.Length, odg.GetProperty("criteria").GetArrayLength());
        Assert.Equal((1, 2, 3), (Haalbaarheid(odg, 1), Haalbaarheid(odg, 4), Haalbaarheid(odg, 7)));
        Assert.Null(Haalbaarheid(odg, 8));
        var cel = odg.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("nummer").GetInt32() == 7);
        Assert.Equal("rood", cel.GetProperty("kleur").GetString());
        Assert.Equal(0, cel.GetProperty("staatInPva").GetInt32());

        Assert.Equal((1, 1, 1, catalogus.Length - 3), Aantallen(odg.GetProperty("aantallen")));
        Assert.Equal((1, 0, 1, catalogus.Length - 2), Aantallen(Rij(overzicht, Register.Fumo).GetProperty("aantallen")));
        Assert.Equal((0, 1, 0, catalogus.Length - 1), Aantallen(Rij(overzicht, Register.Odru).GetProperty("aantallen")));
        Assert.False(Rij(overzicht, Register.Fumo).GetProperty("seveso").GetBoolean());

        var perCriterium = overzicht.GetProperty("aantallenPerCriterium").EnumerateArray()
            .ToDictionary(a => a.GetProperty("nummer").GetInt32(), Aantallen);
        Assert.Equal(catalogus, perCriterium.Keys);
        Assert.Equal((2, 1, 0, 0), perCriterium[1]);
        Assert.Equal((0, 1, 1, 1), perCriterium[4]);
        Assert.Equal((0, 0, 1, 2), perCriterium[7]);
        Assert.Equal((0, 0, 0, 3), perCriterium[8]);
    }

    [Theory]
    [InlineData("true", new[] { Register.Odg })]
    [InlineData("false", new[] { Register.Fumo, Register.Odru })]
    public async Task filtert_op_de_seveso_aanwijzing_in_het_register(string seveso, string[] verwacht)
    {
        var ronde = await RondeAsync();
        using var response = await HaalOpAsync($"?ronde={ronde}&seveso={seveso}");
        var overzicht = await response.AssertJsonAsync();

        Assert.Equal(verwacht, overzicht.GetProperty("omgevingsdiensten").EnumerateArray().Select(r => r.GetProperty("omgevingsdienst").GetString()));
        Assert.Equal(bool.Parse(seveso), overzicht.GetProperty("seveso").GetBoolean());
        var c1 = overzicht.GetProperty("aantallenPerCriterium").EnumerateArray().First(a => a.GetProperty("nummer").GetInt32() == 1);
        Assert.Equal(seveso == "true" ? (1, 0, 0, 0) : (1, 1, 0, 0), Aantallen(c1));
    }

    [Fact]
    public async Task als_csv_een_rij_per_omgevingsdienst_en_de_aantallen_per_kleur()
    {
        var ronde = await RondeAsync();
        var catalogus = await CatalogusAsync();
        using var response = await HaalOpAsync($"?ronde={ronde}", "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"landelijk-overzicht-{ronde}.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var regels = new UTF8Encoding(false).GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string Waarden(int? c1, int? c4, int? c7, int? anders) => string.Join(';', catalogus.Select(n =>
            (n switch { 1 => c1, 4 => c4, 7 => c7, _ => anders })?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));

        Assert.Equal(
        [
            "omgevingsdienst;naam;seveso;oordeel;" + string.Join(';', catalogus.Select(n => $"c{n}")),
            "FUMO;Fryske Utfieringstsjinst Miljeu en Omjouwing;nee;nietZelfstandigRobuust;" + Waarden(1, 3, null, null),
            "ODG;Omgevingsdienst Groningen;ja;nietZelfstandigRobuust;" + Waarden(1, 2, 3, null),
            "ODRU;Omgevingsdienst ODRU;nee;nietRobuust;" + Waarden(2, null, null, null),
            "aantal groen;;;;" + Waarden(2, 0, 0, 0),
            "aantal oranje;;;;" + Waarden(1, 1, 0, 0),
            "aantal rood;;;;" + Waarden(0, 1, 1, 0),
        ], regels);
    }

    [Fact]
    public async Task een_omgevingsdienst_ziet_alleen_zijn_eigen_rij()
    {
        var ronde = await RondeAsync();
        using var response = await HaalOpAsync($"?ronde={ronde}", clientId: "od-FUMO");
        var overzicht = await response.AssertJsonAsync();

        Assert.Equal([Register.Fumo], overzicht.GetProperty("omgevingsdiensten").EnumerateArray().Select(r => r.GetProperty("omgevingsdienst").GetString()));
    }

    [Fact]
    public async Task een_ronde_zonder_gepubliceerde_beoordelingen_is_leeg()
    {
        var ronde = NieuweRonde();
        var concept = await MaakConceptAsync(Register.Odg, ronde);
        await ScoorAsync(concept, 4);

        using var response = await HaalOpAsync($"?ronde={ronde}", clientId: "ienw");
        var overzicht = await response.AssertJsonAsync();

        Assert.Equal(0, overzicht.GetProperty("omgevingsdiensten").GetArrayLength());
        Assert.All(overzicht.GetProperty("aantallenPerCriterium").EnumerateArray(), a => Assert.Equal((0, 0, 0, 0), Aantallen(a)));
    }

    // Without ?ronde= the matrix is the most recent round's (see MeestRecenteRondeTests), no longer a 400.
    [Theory]
    [InlineData("?ronde=vorig-jaar", null, HttpStatusCode.BadRequest)]
    [InlineData("?ronde=2024&seveso=misschien", null, HttpStatusCode.BadRequest)]
    [InlineData("?ronde=2024", "text/html", HttpStatusCode.NotAcceptable)]
    [InlineData("?ronde=2024", "application/xml", HttpStatusCode.NotAcceptable)]
    public async Task ongeldige_verzoeken(string query, string? accept, HttpStatusCode status)
    {
        using var response = await HaalOpAsync(query, accept);
        await response.AssertProblemAsync(status);
    }

    [Fact]
    public async Task de_seveso_vlag_is_die_van_vandaag_in_nederland_ook_vlak_na_middernacht()
    {
        // A designation that ends on 1 April 2026: at 2026-03-31T23:30Z it is already 1 April (01:30) in Amsterdam, so it
        // no longer counts; the UTC date (still 31 March) would count it. An hour earlier it is 31 March in both.
        const string code = "ODKLOK";
        await Fixture.RegisterFeed.RegistreerOmgevingsdienstAsync(code, "Zeeland", Ct);
        await Fixture.StuurRegisterGebeurtenisAsync(new SevesoAangewezenV1(code, ["Zeeland"], null), Ct);
        await Fixture.StuurRegisterGebeurtenisAsync(new SevesoIngetrokkenV1(code, new DateOnly(2026, 4, 1)), Ct);
        var ronde = NieuweRonde();
        await PubliceerAsync(code, ronde, (1, 1));

        Assert.False(await SevesoOpAsync(ronde, code, new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.True(await SevesoOpAsync(ronde, code, new DateTimeOffset(2026, 3, 31, 21, 30, 0, TimeSpan.Zero)));
    }

    /// <summary>The matrix's Seveso flag of <paramref name="code"/> as the service answers when its clock says <paramref name="nu"/>.</summary>
    private async Task<bool> SevesoOpAsync(string ronde, string code, DateTimeOffset nu)
    {
        await using var opDatMoment = App.WithWebHostBuilder(host =>
            host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new VasteKlok(nu))));
        using var client = opDatMoment.CreateClient();
        await Fixture.Identity.AuthorizeAsync(client, "ipo", Ct);
        using var response = await client.GetAsync($"{Base}/landelijk-overzicht?ronde={ronde}", Ct);
        return Rij(await response.AssertJsonAsync(), code).GetProperty("seveso").GetBoolean();
    }

    private sealed class VasteKlok(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu;
    }

    [Fact]
    public async Task zonder_token_geeft_401()
    {
        using var anoniem = await Anoniem();
        using var response = await anoniem.GetAsync($"{Base}/landelijk-overzicht?ronde=2024", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
