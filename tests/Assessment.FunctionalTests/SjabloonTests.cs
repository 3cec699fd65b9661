using System.Net;
using System.Net.Http.Json;
using RobuustOD.Assessment.Brieven;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>Letter templates: data, versioned per round, valid Liquid, set by IenW only, with optimistic concurrency.</summary>
public sealed class SjabloonTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private static object Sjabloon(string tekst = "Geachte {{ geadresseerde }},\n\n{{ bijlage }}", string onderwerp = "Oordeel plan van aanpak") =>
        new { onderwerp, sjabloon = tekst };

    private async Task<HttpResponseMessage> PutAsync(string ronde, object body, string clientId = "ienw", string? ifMatch = null)
    {
        using var client = await Als(clientId);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Base}/briefsjablonen/{ronde}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task ienw_stelt_versies_vast_en_iedereen_die_is_ingelogd_leest_ze()
    {
        var ronde = NieuweRonde();
        using (var eerste = await PutAsync(ronde, Sjabloon(), ifMatch: "\"0\""))
        {
            var body = await eerste.AssertJsonAsync(HttpStatusCode.Created);
            Assert.Equal($"{Base}/briefsjablonen/{ronde}", eerste.Headers.Location?.OriginalString);
            Assert.Equal("\"1\"", eerste.Headers.ETag?.Tag);
            Assert.Equal(1, body.GetProperty("huidig").GetProperty("versie").GetInt32());
            Assert.Equal("ienw", body.GetProperty("huidig").GetProperty("vastgesteldDoor").GetString());
        }

        using (var tweede = await PutAsync(ronde, Sjabloon("Beste {{ geadresseerde }}."), ifMatch: "\"1\""))
        {
            await tweede.AssertJsonAsync();
            Assert.Equal("\"2\"", tweede.Headers.ETag?.Tag);
        }

        // The same text again changes nothing: PUT is idempotent.
        using (var nogmaals = await PutAsync(ronde, Sjabloon("Beste {{ geadresseerde }}.")))
        {
            Assert.Equal(2, (await nogmaals.AssertJsonAsync()).GetProperty("huidig").GetProperty("versie").GetInt32());
        }

        foreach (var lezer in new[] { "od-FUMO", "beoordelaar", "ipo" })
        {
            var sjabloon = await GetJsonAsync($"{Base}/briefsjablonen/{ronde}", lezer);
            Assert.Equal(ronde, sjabloon.GetProperty("ronde").GetString());
            Assert.Equal("Beste {{ geadresseerde }}.", sjabloon.GetProperty("huidig").GetProperty("sjabloon").GetString());
            Assert.Equal([1, 2], sjabloon.GetProperty("versies").EnumerateArray().Select(v => v.GetProperty("nummer").GetInt32()));
        }

        var eersteVersie = await GetJsonAsync($"{Base}/briefsjablonen/{ronde}/versies/1", "od-FUMO");
        Assert.Equal("Geachte {{ geadresseerde }},\n\n{{ bijlage }}", eersteVersie.GetProperty("sjabloon").GetString());

        using var anoniem = await Anoniem();
        using var zonderToken = await anoniem.GetAsync($"{Base}/briefsjablonen/{ronde}", Ct);
        await zonderToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{% if omgevingsdienst.seveso %}Seveso")]
    [InlineData("{{ geadresseerde ")]
    [InlineData("{% for t in tekortkomingen %}{{ t }}{% endif %}")]
    public async Task ongeldige_liquid_geeft_400_met_de_melding_van_de_parser_bij_sjabloon(string tekst)
    {
        var ronde = NieuweRonde();
        using var response = await PutAsync(ronde, Sjabloon(tekst));

        var problem = await response.AssertOngeldigAsync("sjabloon");
        var melding = problem.GetProperty("errors").GetProperty("sjabloon")[0].GetString()!;
        Assert.StartsWith("Het sjabloon is geen geldige Liquid: ", melding, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+:\d+\)", melding);
        using var client = await Ienw();
        using var opgehaald = await client.GetAsync($"{Base}/briefsjablonen/{ronde}", Ct);
        await opgehaald.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ontbrekende_velden_en_een_ongeldige_ronde_geven_400()
    {
        using (var leeg = await PutAsync(NieuweRonde(), new { onderwerp = "", sjabloon = (string?)null }))
        {
            await leeg.AssertOngeldigAsync("onderwerp", "sjabloon");
        }

        using var ronde = await PutAsync("twintig-24", Sjabloon());
        await ronde.AssertOngeldigAsync("ronde");
    }

    [Fact]
    public async Task een_verouderde_if_match_geeft_412()
    {
        var ronde = NieuweRonde();
        (await PutAsync(ronde, Sjabloon())).Dispose();
        (await PutAsync(ronde, Sjabloon("Versie twee"), ifMatch: "\"1\"")).Dispose();

        using var response = await PutAsync(ronde, Sjabloon("Versie drie, gebaseerd op versie 1"), ifMatch: "\"1\"");

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var sjabloon = await GetJsonAsync($"{Base}/briefsjablonen/{ronde}");
        Assert.Equal("Versie twee", sjabloon.GetProperty("huidig").GetProperty("sjabloon").GetString());
        Assert.Equal(2, sjabloon.GetProperty("versies").GetArrayLength());
    }

    [Theory]
    [InlineData("beoordelaar")]
    [InlineData("od-ODG")]
    [InlineData("odnl")]
    public async Task alleen_ienw_stelt_een_sjabloon_vast(string clientId)
    {
        var ronde = NieuweRonde();
        using var response = await PutAsync(ronde, Sjabloon(), clientId);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var client = await Ienw();
        using var opgehaald = await client.GetAsync($"{Base}/briefsjablonen/{ronde}", Ct);
        await opgehaald.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task het_seedsjabloon_laadt_eenmaal_en_is_geldige_liquid()
    {
        Assert.Equal(1, await BriefSjablonen.LaadSeedAsync(App.Store, AssessmentFixture.SeedsFolder, Ct));
        Assert.Equal(0, await BriefSjablonen.LaadSeedAsync(App.Store, AssessmentFixture.SeedsFolder, Ct));

        var sjabloon = await GetJsonAsync($"{Base}/briefsjablonen/2024");
        var huidig = sjabloon.GetProperty("huidig");
        Assert.Equal(1, huidig.GetProperty("versie").GetInt32());
        Assert.Equal("seed", huidig.GetProperty("vastgesteldDoor").GetString());
        Assert.Equal("Oordeel plan van aanpak Robuuste Omgevingsdienst", huidig.GetProperty("onderwerp").GetString());
        var tekst = huidig.GetProperty("sjabloon").GetString()!;
        Assert.Contains("{% if omgevingsdienst.seveso %}", tekst, StringComparison.Ordinal);
        // The ODG-specific sentences are no longer fixed text: they come from the assessment's remarks.
        Assert.DoesNotContain("TwynstraGudde is er grote zorg", tekst, StringComparison.Ordinal);
        Assert.Contains("{{ opmerkingen }}", tekst, StringComparison.Ordinal);

        // IenW changes it; loading the seeds again (as on every start) does not bring the old text back.
        using (var wijziging = await PutAsync("2024", Sjabloon("Door IenW gewijzigd."), ifMatch: "\"1\""))
        {
            await wijziging.AssertJsonAsync();
        }

        Assert.Equal(0, await BriefSjablonen.LaadSeedAsync(App.Store, AssessmentFixture.SeedsFolder, Ct));
        Assert.Equal("Door IenW gewijzigd.", (await GetJsonAsync($"{Base}/briefsjablonen/2024")).GetProperty("huidig").GetProperty("sjabloon").GetString());
    }
}
