using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>The judgement and escalation commands in their HTTP form, on top of the report helpers.</summary>
public abstract class BijsturingTest(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    protected Task<HttpClient> Rol(string client) => App.ClientAsync(client, Ct);

    /// <summary>A report of <paramref name="code"/> for <paramref name="ronde"/>, drafted and submitted by the OD.</summary>
    protected async Task<string> IngediendAsync(string code, string ronde = "voortgang1")
    {
        var id = await ConceptAsync(code, ronde);
        using var client = await Od(code);
        using var response = await client.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting = (string?)null }, Ct);
        await response.AssertJsonAsync();
        return id;
    }

    protected static object Oordeel(string voortgang, string uitkomst = "onzeker", string? robuust = null) =>
        new { voortgang, uitkomst, toelichting = "Te weinig vaste formatie", robuustOp1April2026 = robuust };

    protected async Task<HttpResponseMessage> BeoordeelAsync(string id, object oordeel, string client = "ienw")
    {
        using var c = await Rol(client);
        return await c.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/oordeel", oordeel, Ct);
    }

    protected async Task<JsonElement> EscalatiesAsync(string code, string client = "ienw")
    {
        using var c = await Rol(client);
        using var response = await c.GetAsync($"{Base}/escalaties?omgevingsdienst={code}", Ct);
        return (await response.AssertJsonAsync()).GetProperty("items");
    }
}
