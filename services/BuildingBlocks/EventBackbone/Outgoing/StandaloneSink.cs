using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr;
using Dapr.AspNetCore;

namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>
/// Single-machine delivery without a sidecar: posts the CloudEvent to one subscribing service the
/// way daprd would — to the route its <c>/dapr/subscribe</c> names for the topic, with the app API token
/// as <c>dapr-api-token</c> on every call — and reads the answer by Dapr's rules (2xx SUCCESS/RETRY/DROP,
/// 404 drop, anything else retry). A refused token (401/403) is retried: the event stays with the
/// checkpoint until the configuration is fixed, rather than being lost or dead-lettered. A subscriber whose subscription
/// declares Dapr's bulk subscribe gets a run of events as daprd would send them: a <see cref="BulkSubscribeMessage{TValue}"/>
/// of at most its <c>maxMessagesCount</c> entries per request, answered per entry (SUCCESS, RETRY, DROP).
/// </summary>
public sealed class StandaloneSink(Uri subscriber, HttpClient http, EventingOptions options) : ICloudEventSink
{
    public string Name { get; } = $"standalone-{subscriber.Host}-{subscriber.Port}";

    public Uri Subscriber => subscriber;

    private const string TokenHint = "publisher and subscriber need the same app API token (APP_API_TOKEN or Eventing:AppApiToken)";

    private static readonly TimeSpan RoutesValidFor = TimeSpan.FromSeconds(10);
    // One reference, swapped whole: the forwarder delivers to several ODs at once through this sink.
    private volatile CachedRoutes? _routes;

    public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutgoingCloudEvent> cloudEvents, CancellationToken ct)
    {
        if (cloudEvents.Count == 0)
        {
            return [];
        }

        IReadOnlyList<Route> routes;
        try
        {
            routes = await RoutesAsync(cloudEvents[0].Topic, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            _routes = null;
            return [DeliveryResult.Retry($"{subscriber} unreachable: {ex.GetBaseException().Message}")];
        }

        // Several routes for one topic (not what Dapr allows, but what a subscriber might list): each event to each, one at a time.
        if (routes is not [{ BulkMaxMessages: > 0 } bulk])
        {
            return await ICloudEventSink.OneAtATimeAsync(this, cloudEvents, ct);
        }

        var results = new List<DeliveryResult>(cloudEvents.Count);
        foreach (var chunk in cloudEvents.Chunk(bulk.BulkMaxMessages))
        {
            var answers = await PostBulkAsync(bulk.Path, chunk, ct);
            results.AddRange(answers);
            if (answers.Any(a => a.Outcome == DeliveryOutcome.Retry))
            {
                _routes = null;
                break;
            }
        }

        return results;
    }

    public async Task<DeliveryResult> DeliverAsync(OutgoingCloudEvent cloudEvent, CancellationToken ct)
    {
        try
        {
            var routes = await RoutesAsync(cloudEvent.Topic, ct);
            foreach (var route in routes.Select(r => r.Path))
            {
                var result = await PostAsync(route, cloudEvent, ct);
                if (result.Outcome != DeliveryOutcome.Delivered)
                {
                    _routes = null;
                    return result;
                }
            }

            return DeliveryResult.Delivered;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            _routes = null;
            return DeliveryResult.Retry($"{subscriber} unreachable: {ex.GetBaseException().Message}");
        }
    }

    /// <summary>Read again after a failure or a few seconds: a subscriber may restart with other subscriptions.</summary>
    private async Task<IReadOnlyList<Route>> RoutesAsync(string topic, CancellationToken ct)
    {
        if (_routes is { } cached && cached.Topic == topic && cached.Until > DateTime.UtcNow)
        {
            return cached.Routes;
        }

        using var request = Request(HttpMethod.Get, "dapr/subscribe");
        using var response = await SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new HttpRequestException($"dapr/subscribe refused ({(int)response.StatusCode}): {TokenHint}", null, response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
        var subscriptions = await response.Content.ReadFromJsonAsync<List<Subscription>>(ct) ?? [];
        IReadOnlyList<Route> routes = [.. subscriptions.Where(s => s.PubsubName == options.PubSubName && s.Topic == topic)
            .Select(s => new Route(s.Route, s.BulkSubscribe is { Enabled: true } b ? Math.Max(1, b.MaxMessagesCount ?? DaprDefaultBulkMessages) : 0))];
        _routes = new CachedRoutes(topic, routes, DateTime.UtcNow + RoutesValidFor);
        return routes;
    }

    private async Task<DeliveryResult> PostAsync(string route, OutgoingCloudEvent cloudEvent, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, route.TrimStart('/'));
        request.Content = new ByteArrayContent(cloudEvent.StructuredJson);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(OutgoingCloudEvent.ContentType);
        using var response = await SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return DeliveryResult.Poison($"{subscriber}{route} answered 404");
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return DeliveryResult.Retry($"{subscriber}{route} refused the delivery ({(int)response.StatusCode}): {TokenHint}");
        }

        if (!response.IsSuccessStatusCode)
        {
            return DeliveryResult.Retry($"{subscriber}{route} answered {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadAsStringAsync(ct);
        var status = body.Length == 0 ? null : JsonSerializer.Deserialize<TopicResponse>(body, JsonSerializerOptions.Web)?.Status;
        return status?.ToUpperInvariant() switch
        {
            null or "" or "SUCCESS" => DeliveryResult.Delivered,
            "RETRY" => DeliveryResult.Retry($"{subscriber}{route} asked to retry"),
            "DROP" => DeliveryResult.Poison($"{subscriber}{route} dropped the event"),
            _ => DeliveryResult.Retry($"{subscriber}{route} answered an unknown status '{status}'"),
        };
    }

    /// <summary>
    /// One bulk request, read by daprd's rules: a 2xx answer with a status per entry (an entry without one, or with an
    /// unknown one, is retried); 404 drops them all; anything else, or no answer, retries them all.
    /// </summary>
    private async Task<DeliveryResult[]> PostBulkAsync(string route, OutgoingCloudEvent[] chunk, CancellationToken ct)
    {
        var entryIds = chunk.Select(_ => Guid.NewGuid().ToString()).ToArray();
        var message = new BulkSubscribeMessage<JsonElement>(
            [.. chunk.Select((cloudEvent, i) => new BulkSubscribeMessageEntry<JsonElement>(entryIds[i], OutgoingCloudEvent.ContentType,
                [], JsonSerializer.Deserialize<JsonElement>(cloudEvent.StructuredJson)))],
            chunk[0].Topic, []);
        try
        {
            using var request = Request(HttpMethod.Post, route.TrimStart('/'));
            request.Content = JsonContent.Create(message, options: JsonSerializerOptions.Web);
            using var response = await SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return [.. chunk.Select(_ => DeliveryResult.Poison($"{subscriber}{route} answered 404"))];
            }

            if (!response.IsSuccessStatusCode)
            {
                var reason = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? $"{subscriber}{route} refused the delivery ({(int)response.StatusCode}): {TokenHint}"
                    : $"{subscriber}{route} answered {(int)response.StatusCode}";
                return [.. chunk.Select(_ => DeliveryResult.Retry(reason))];
            }

            var answer = await response.Content.ReadFromJsonAsync<BulkAnswer>(JsonSerializerOptions.Web, ct);
            var statuses = (answer?.Statuses ?? []).Where(s => s.EntryId is not null)
                .GroupBy(s => s.EntryId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
            return [.. entryIds.Select(id => statuses.GetValueOrDefault(id)?.ToUpperInvariant() switch
            {
                "SUCCESS" => DeliveryResult.Delivered,
                "DROP" => DeliveryResult.Poison($"{subscriber}{route} dropped the event"),
                "RETRY" => DeliveryResult.Retry($"{subscriber}{route} asked to retry"),
                var other => DeliveryResult.Retry($"{subscriber}{route} answered no known status for the entry ('{other}')"),
            })];
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            return [.. chunk.Select(_ => DeliveryResult.Retry($"{subscriber} unreachable: {ex.GetBaseException().Message}"))];
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(subscriber, path));
        if (EventingOptions.IsToken(options.AppApiToken))
        {
            request.Headers.Add(DaprEndpointAuthorization.TokenHeader, options.AppApiToken);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.AttemptTimeout);
        return await http.SendAsync(request, timeout.Token);
    }

    // Dapr's maxMessagesCount when a subscription enables bulk subscribe without one.
    private const int DaprDefaultBulkMessages = 100;

    private sealed record CachedRoutes(string Topic, IReadOnlyList<Route> Routes, DateTime Until);

    /// <summary>A route for the topic; <paramref name="BulkMaxMessages"/> 0 when it takes one event per request.</summary>
    private sealed record Route(string Path, int BulkMaxMessages);

    private sealed record Subscription(string PubsubName, string Topic, string Route, BulkSubscription? BulkSubscribe);

    private sealed record BulkSubscription(bool Enabled, int? MaxMessagesCount);

    private sealed record BulkAnswer(List<BulkAnswerEntry>? Statuses);

    /// <summary>An entry of Dapr's <see cref="BulkSubscribeAppResponse"/> (whose own types are made for writing, not reading).</summary>
    private sealed record BulkAnswerEntry(string? EntryId, string? Status);

    private sealed record TopicResponse(string? Status);
}
