using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>Requests a fuzzer turned into 500s; each must be a clear 4xx (or, for deliveries, a Dapr DROP).</summary>
public sealed class GevondenDoorFuzzenTests(AssessmentFixture fixture) : AssessmentTest(fixture)
{
    [Fact]
    public async Task een_plan_met_een_lege_code_in_de_lijst_geeft_400()
    {
        var voor = await EventCountAsync();
        using var client = await Ienw();
        using var response = await client.PostAsync($"{Base}/plannen-van-aanpak", new StringContent(
            """{"omgevingsdiensten":[null],"ontvangenOp":"2024-05-01","versie":"1","document":{"titel":"t","url":null,"bestandsnaam":null,"aantalPaginas":null}}""",
            Encoding.UTF8, "application/json"), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Fact]
    public async Task een_herziening_met_een_lege_rij_geeft_400()
    {
        var id = await GepubliceerdeBeoordelingAsync();
        var voor = await EventCountAsync();
        using var client = await Ienw();
        using var response = await client.PostAsync($"{Base}/beoordelingen/{id}/herzieningen", new StringContent(
            """{"reden":"r","oordeel":"nietRobuust","tekortkomingen":null,"gesprekOp":null,"opmerkingen":null,"criteria":[null]}""",
            Encoding.UTF8, "application/json"), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(voor, await EventCountAsync());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("""{"specversion":"1.0","id":"x","source":"urn:x","type":"t","data_base64":"***"}""")]
    public async Task een_aflevering_die_geen_cloudevent_object_is_wordt_gedropt(string body)
    {
        // From the sidecar (with the app API token): without it the delivery is refused before its body is read.
        using var client = Fixture.App.SidecarClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await client.PostAsync("/events/register", content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DROP", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("status").GetString());
    }
}
