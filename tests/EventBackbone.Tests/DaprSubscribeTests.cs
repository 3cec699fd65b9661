using System.Net;
using System.Text.Json.Nodes;
using RobuustOD.Assessment;
using RobuustOD.Monitoring;
using RobuustOD.Subsidy;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>What daprd reads from each subscriber at start-up: its programmatic subscriptions.</summary>
public sealed class DaprSubscribeTests(PostgresServer postgres, SharedIdentity identity)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Dapr's bulk subscribe: daprd delivers up to 100 events per request, waiting at most 50 ms to fill one.
    private const string Bulk = "\"bulkSubscribe\":{\"enabled\":true,\"maxMessagesCount\":100,\"maxAwaitDurationMs\":50}";
    private const string Register = """{"pubsubName":"robuustod-pubsub","topic":"register","route":"events/register","deadLetterTopic":"register-onbestelbaar",""" + Bulk + "}";
    private const string Beoordeling = """{"pubsubName":"robuustod-pubsub","topic":"beoordeling","route":"events/beoordeling","deadLetterTopic":"beoordeling-onbestelbaar",""" + Bulk + "}";

    /// <summary>The assessment follows the register; monitoring and subsidy follow the assessment too (its catalogue).</summary>
    [Theory]
    [InlineData("assessment", "[" + Register + "]")]
    [InlineData("monitoring", "[" + Beoordeling + "," + Register + "]")]
    [InlineData("subsidy", "[" + Beoordeling + "," + Register + "]")]
    public async Task elke_abonnee_meldt_precies_zijn_topics_met_dead_letter_topic(string naam, string verwacht)
    {
        var database = await postgres.CreateDatabaseAsync($"subscribe-{naam}", Ct);
        await using IAsyncDisposable dienst = naam switch
        {
            "assessment" => new ServiceFactory<AssessmentService>(database, identity.Server),
            "monitoring" => new ServiceFactory<MonitoringService>(database, identity.Server),
            _ => new ServiceFactory<SubsidyService>(database, identity.Server),
        };
        using var http = dienst switch
        {
            ServiceFactory<AssessmentService> a => a.SidecarClient(),
            ServiceFactory<MonitoringService> m => m.SidecarClient(),
            ServiceFactory<SubsidyService> s => s.SidecarClient(),
            _ => throw new InvalidOperationException(naam),
        };

        using var response = await http.GetAsync("/dapr/subscribe", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
        var expected = JsonNode.Parse(verwacht);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{naam} lists {actual?.ToJsonString()}");
    }
}
