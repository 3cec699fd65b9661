using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// The ETag of <c>/beoordelingen/{id}</c> is that assessment's own version, although all of an OD's plans and rounds
/// share one dossier stream: a plan registered or another round opened and scored leaves a client's If-Match valid;
/// a change to the assessment itself makes it stale (412, nothing appended).
/// </summary>
public sealed class EigenVersieTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    private async Task<EntityTagHeaderValue> ETagAsync(string id)
    {
        using var client = await Ienw();
        using var response = await client.GetAsync($"{Base}/beoordelingen/{id}", Ct);
        await response.AssertJsonAsync();
        return response.Headers.ETag!;
    }

    private async Task<HttpResponseMessage> MetIfMatchAsync(string clientId, HttpMethod method, string url, object? body,
        EntityTagHeaderValue etag)
    {
        using var client = await Als(clientId);
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Activity on the dossier of <paramref name="code"/> that is about none of the assessments under test: a plan, another round.</summary>
    private async Task AnderWerkInHetDossierAsync(string code)
    {
        using (var ienw = await Ienw())
        using (var plan = await ienw.PostAsJsonAsync($"{Base}/plannen-van-aanpak", new
               {
                   omgevingsdiensten = new[] { code },
                   ontvangenOp = "2024-07-01",
                   versie = Guid.NewGuid().ToString("N")[..8],
                   document = new { titel = "Een plan", url = (string?)null, bestandsnaam = (string?)null, aantalPaginas = (int?)null },
               }, Ct))
        {
            await plan.AssertJsonAsync(HttpStatusCode.Created);
        }

        var andere = await MaakConceptAsync(code);
        await ScoorAsync(andere, 4);
        await LegOordeelVastAsync(andere);
    }

    [Fact]
    public async Task een_plan_of_een_andere_ronde_laat_de_etag_van_een_beoordeling_ongemoeid()
    {
        var id = await MaakConceptAsync(Register.Odg);
        await ScoorAsync(id, 7);
        var etag = await ETagAsync(id);
        Assert.Equal("\"2\"", etag.Tag);

        await AnderWerkInHetDossierAsync(Register.Odg);

        Assert.Equal(etag, await ETagAsync(id));
        using var response = await MetIfMatchAsync("beoordelaar", HttpMethod.Put, $"{Base}/beoordelingen/{id}/criteria/1", Rij(), etag);
        await response.AssertJsonAsync();
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        Assert.Equal(response.Headers.ETag, await ETagAsync(id));
    }

    [Fact]
    public async Task elke_schrijfhandeling_op_de_beoordeling_volgt_haar_eigen_versie()
    {
        var id = await GepubliceerdeBeoordelingAsync(Register.Fumo);
        var url = $"{Base}/beoordelingen/{id}";
        var gepubliceerd = await ETagAsync(id);
        // Created, four rows, the verdict and the publication.
        Assert.Equal("\"7\"", gepubliceerd.Tag);

        await AnderWerkInHetDossierAsync(Register.Fumo);

        using (var herzien = await MetIfMatchAsync("ienw", HttpMethod.Post, $"{url}/herzieningen",
                   new { reden = "Na het gesprek", oordeel = "nietRobuust", criteria = new[] { new { nummer = 7, specifiekeVraag = (string?)null, maatregel = "M", duiding = "D", bronnen = Array.Empty<string>(), staatInPva = 0, haalbaarheid = 1 } } },
                   gepubliceerd))
        {
            await herzien.AssertJsonAsync();
            // The revision, its verdict notice and the changed traffic light of row 7: three events about this assessment.
            Assert.Equal("\"10\"", herzien.Headers.ETag?.Tag);
            Assert.Equal(herzien.Headers.ETag, await ETagAsync(id));
        }

        // The tag of before the revision is stale now, whatever else happened in the dossier.
        var voor = await EventCountAsync();
        using (var verouderd = await MetIfMatchAsync("ienw", HttpMethod.Post, $"{url}/herzieningen",
                   new { reden = "Nogmaals", oordeel = "robuust" }, gepubliceerd))
        {
            await verouderd.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task scoren_oordeel_en_publicatie_met_een_if_match_van_voor_ander_werk_slagen()
    {
        var id = await MaakConceptAsync(Register.Odru);
        var url = $"{Base}/beoordelingen/{id}";
        var etag = await ETagAsync(id);
        Assert.Equal("\"1\"", etag.Tag);

        await AnderWerkInHetDossierAsync(Register.Odru);
        using (var score = await MetIfMatchAsync("beoordelaar", HttpMethod.Put, $"{url}/criteria/7", Rij(), etag))
        {
            await score.AssertJsonAsync();
            etag = score.Headers.ETag!;
        }

        await AnderWerkInHetDossierAsync(Register.Odru);
        using (var oordeel = await MetIfMatchAsync("beoordelaar", HttpMethod.Put, $"{url}/oordeel", new
               {
                   oordeel = "nietRobuust", tekortkomingen = Array.Empty<string>(), gesprekOp = (string?)null, opmerkingen = (string?)null,
                   geadresseerde = (string?)null,
               }, etag))
        {
            await oordeel.AssertJsonAsync();
            etag = oordeel.Headers.ETag!;
        }

        await AnderWerkInHetDossierAsync(Register.Odru);
        using (var publicatie = await MetIfMatchAsync("ienw", HttpMethod.Post, $"{url}/publicatie", null, etag))
        {
            await publicatie.AssertJsonAsync();
            Assert.Equal("\"4\"", publicatie.Headers.ETag?.Tag);
        }

        // A stale tag on each write: 412 and nothing appended.
        var voor = await EventCountAsync();
        using (var oud = await MetIfMatchAsync("ienw", HttpMethod.Post, $"{url}/herzieningen", new { reden = "r", oordeel = "robuust" }, etag))
        {
            await oud.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        var concept = await MaakConceptAsync(Register.Odru);
        using (var oudeScore = await MetIfMatchAsync("beoordelaar", HttpMethod.Put, $"{Base}/beoordelingen/{concept}/criteria/7", Rij(),
                   new EntityTagHeaderValue("\"2\"")))
        {
            await oudeScore.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        Assert.Equal(voor + 1, await EventCountAsync());
    }
}
