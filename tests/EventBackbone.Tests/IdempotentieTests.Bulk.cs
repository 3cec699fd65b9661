using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RobuustOD.EventBackbone.Tests.Support;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>
/// Dapr's bulk subscribe at a real subscriber (the assessment, as daprd would call it): one request with a page of
/// CloudEvents, applied in one transaction, answered per entry with the status each would have had alone.
/// </summary>
public sealed partial class IdempotentieTests
{
    [Fact]
    public async Task een_bulkbezorging_met_meerdere_gebeurtenissen_van_een_od_een_duplicaat_en_onbestelbare_wordt_per_entry_beantwoord()
    {
        using var http = subscriber.Service.SidecarClient();
        var naam2 = Gewijzigd("BLA", "Naam 2");
        var naam3 = Gewijzigd("BLA", "Naam 3");
        var vreemd = Gewijzigd("BLA", "Van een ander systeem");
        vreemd["source"] = "urn:nld:oin:00000000000000000001:systeem:robuustod-register";
        var entries = new JsonNode[]
        {
            Geregistreerd("BLA", "Naam 1"),
            naam2,
            Gewijzigd("BLX", "Nooit geregistreerd"),            // poison: can never apply
            naam3,
            naam2.DeepClone(),                                  // the same CloudEvent again, in the same delivery
            vreemd,                                             // not from the topic's publisher
            DaprdCloudEvent.Maak("nl.robuustod.register.iets-nieuws.v1", new JsonObject { ["code"] = "BLA" }, Guid.NewGuid().ToString(), "BLA"),
            "geen object",                                      // not a CloudEvent
            Geregistreerd("BLa", "Alleen in hoofdletters anders"), // the query sees BLA, registered earlier in this delivery
        };

        var statussen = await BulkAsync(http, entries);

        Assert.Equal(["SUCCESS", "SUCCESS", "DROP", "SUCCESS", "SUCCESS", "DROP", "SUCCESS", "DROP", "DROP"], statussen);
        var od = await OdAsync("BLA");
        // Each event read what the one before it wrote: the last change wins, with its time.
        Assert.Equal("Naam 3", od?.GetProperty("naam").GetString());
        Assert.Equal(DateTimeOffset.Parse(naam3["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            od?.GetProperty("bijgewerktOp").GetDateTimeOffset());
        Assert.Equal(3, await InboxAsync("BLA"));
        Assert.Equal(0, await InboxAsync("BLX"));
        Assert.Equal(0, await InboxAsync("BLa"));
        Assert.Null(await OdAsync("BLX"));

        // The whole delivery again (daprd after a crash): acknowledged without a second effect, the poison dropped again.
        Assert.Equal(statussen, await BulkAsync(http, entries));
        Assert.Equal("Naam 3", (await OdAsync("BLA"))?.GetProperty("naam").GetString());
        Assert.Equal(3, await InboxAsync("BLA"));
    }

    [Fact]
    public async Task gelijktijdige_bulkbezorgingen_met_dezelfde_gebeurtenissen_hebben_een_effect()
    {
        using var http = subscriber.Service.SidecarClient();
        var entries = new JsonNode[] { Geregistreerd("BLC", "Naam 1"), Gewijzigd("BLC", "Naam 2"), Gewijzigd("BLC", "Naam 3") };

        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => BulkAsync(http, entries)));

        // Who lost the race retries nothing: each entry is applied by one delivery, a duplicate for the others.
        Assert.All(antwoorden, a => Assert.Equal(["SUCCESS", "SUCCESS", "SUCCESS"], a));
        Assert.Equal("Naam 3", (await OdAsync("BLC"))?.GetProperty("naam").GetString());
        Assert.Equal(3, await InboxAsync("BLC"));
    }

    /// <summary>A BulkSubscribeMessage as daprd posts it (application/json), and the status it gets per entry, in entry order.</summary>
    private static async Task<List<string>> BulkAsync(HttpClient http, IReadOnlyList<JsonNode> events)
    {
        var ids = events.Select(_ => Guid.NewGuid().ToString()).ToList();
        var message = new JsonObject
        {
            ["entries"] = new JsonArray([.. events.Select((e, i) => (JsonNode)new JsonObject
            {
                ["entryId"] = ids[i],
                ["event"] = e.DeepClone(),
                ["contentType"] = "application/cloudevents+json",
                ["metadata"] = new JsonObject(),
            })]),
            ["id"] = Guid.NewGuid().ToString(),
            ["metadata"] = new JsonObject(),
            ["pubsubname"] = RobuustOD.Contracts.Eventing.PubSub.Name,
            ["topic"] = RobuustOD.Contracts.Eventing.PubSub.Topics.Register,
            ["type"] = "com.dapr.event.sent",
        };
        using var response = await http.PostAsync("/events/register", new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statuses = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("statuses").EnumerateArray()
            .ToDictionary(s => s.GetProperty("entryId").GetString()!, s => s.GetProperty("status").GetString()!);
        return [.. ids.Select(id => statuses[id])];
    }
}
