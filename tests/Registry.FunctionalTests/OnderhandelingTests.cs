using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// Found by fuzzing: errors must be problem+json whatever the client accepts, and the CloudEvents content type
/// outside the event routes is just JSON, never a 500.
/// </summary>
public sealed class OnderhandelingTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    [Theory]
    [InlineData("text/csv")]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task een_fout_is_problem_json_ook_als_de_client_iets_anders_vraagt(string accept)
    {
        using var client = await Anoniem();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/omgevingsdiensten/NIETBESTAAND");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request, Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);

        using var schrijven = new HttpRequestMessage(HttpMethod.Post, $"{Base}/omgevingsdiensten")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        schrijven.Headers.Accept.ParseAdd(accept);
        using var anoniem = await client.SendAsync(schrijven, Ct);
        await anoniem.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{")]
    public async Task cloudevents_inhoudstype_buiten_de_eventroutes_is_gewoon_ongeldige_invoer(string body)
    {
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await client.PostAsync($"{Base}/omgevingsdiensten", content, Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }
}
