using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// The national matrix without <c>?ronde=</c>: the most recent round with a published assessment, named in the answer's
/// <c>ronde</c>; 404 while nothing is published. On a database of its own (this class), so that no other test's
/// rounds count.
/// </summary>
public sealed class MeestRecenteRondeTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private static string Ronde(int jaar) => $"{jaar}-{Guid.NewGuid():N}"[..17];

    private async Task<HttpResponseMessage> ZonderRondeAsync(string clientId = "ipo", string? accept = null)
    {
        using var client = await Als(clientId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/landelijk-overzicht");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request, Ct);
    }

    private async Task<string> GekozenRondeAsync(string clientId = "ipo")
    {
        using var response = await ZonderRondeAsync(clientId);
        return (await response.AssertJsonAsync()).GetProperty("ronde").GetString()!;
    }

    private async Task<string> PubliceerAsync(string code, string ronde, int haalbaarheid = 3)
    {
        var id = await MaakConceptAsync(code, ronde);
        await ScoorAsync(id, 1, Rij(haalbaarheid));
        await LegOordeelVastAsync(id);
        await PubliceerAsync(id);
        return id;
    }

    [Fact]
    public async Task zonder_ronde_de_meest_recente_ronde_met_een_publicatie_en_zonder_publicatie_404()
    {
        // Nothing published at all: there is no round to show (an empty matrix would have to name one).
        using (var niets = await ZonderRondeAsync())
        {
            var problem = await niets.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains("?ronde=", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A draft is not a publication.
        var concept = await MaakConceptAsync(Register.Rudu, Ronde(2025));
        await ScoorAsync(concept, 1);
        using (var alleenConcept = await ZonderRondeAsync("ienw"))
        {
            await alleenConcept.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var r2023 = Ronde(2023);
        await PubliceerAsync(Register.Odg, r2023);
        Assert.Equal(r2023, await GekozenRondeAsync());

        // A higher year wins, also over a later publication in a lower year.
        var r2024a = Ronde(2024);
        await PubliceerAsync(Register.Fumo, r2024a, haalbaarheid: 1);
        var r2023b = Ronde(2023);
        await PubliceerAsync(Register.Odru, r2023b);
        Assert.Equal(r2024a, await GekozenRondeAsync());

        // Within a year, the round published last.
        var r2024b = Ronde(2024);
        await PubliceerAsync(Register.Odg, r2024b, haalbaarheid: 2);
        Assert.Equal(r2024b, await GekozenRondeAsync());

        // A revision of an earlier round does not make it the most recent again.
        using (var ienw = await Ienw())
        using (var herzien = await ienw.PostAsJsonAsync($"{Base}/beoordelingen/FUMO-{r2024a}/herzieningen",
                   new { reden = "Na het gesprek", oordeel = "nietRobuust" }, Ct))
        {
            await herzien.AssertJsonAsync();
        }

        using var response = await ZonderRondeAsync();
        var overzicht = await response.AssertJsonAsync();
        Assert.Equal(r2024b, overzicht.GetProperty("ronde").GetString());
        var rij = Assert.Single(overzicht.GetProperty("omgevingsdiensten").EnumerateArray());
        Assert.Equal(Register.Odg, rij.GetProperty("omgevingsdienst").GetString());
        Assert.Equal(2, rij.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("nummer").GetInt32() == 1)
            .GetProperty("haalbaarheid").GetInt32());

        // The round is the same for every caller (an OD sees its own row of it, or none), and ?ronde= still chooses.
        Assert.Equal(r2024b, await GekozenRondeAsync("od-FUMO"));
        using (var fumo = await ZonderRondeAsync("od-FUMO"))
        {
            Assert.Equal(0, (await fumo.AssertJsonAsync()).GetProperty("omgevingsdiensten").GetArrayLength());
        }

        var gekozen = await GetJsonAsync($"{Base}/landelijk-overzicht?ronde={r2024a}", "ipo");
        Assert.Equal(r2024a, gekozen.GetProperty("ronde").GetString());
        Assert.Equal([Register.Fumo], gekozen.GetProperty("omgevingsdiensten").EnumerateArray().Select(r => r.GetProperty("omgevingsdienst").GetString()));

        using var csv = await ZonderRondeAsync(accept: "text/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"landelijk-overzicht-{r2024b}.csv", csv.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task zonder_ronde_blijven_seveso_en_accept_gelden()
    {
        using (var ongeldig = await ZonderRondeAsync(accept: "application/xml"))
        {
            await ongeldig.AssertProblemAsync(HttpStatusCode.NotAcceptable);
        }

        using var client = await Ipo();
        using var seveso = await client.GetAsync($"{Base}/landelijk-overzicht?seveso=misschien", Ct);
        await seveso.AssertOngeldigAsync("seveso");
    }
}
