using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr;

namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>
/// Single-machine delivery without a sidecar: posts the CloudEvent to one subscribing service the
/// way daprd would — to the route its <c>/dapr/subscribe</c> names for the topic, with the app API token
/// as <c>dapr-api-token</c> on every call — and reads the answer by Dapr's rules (2xx SUCCESS/RETRY/DROP,
/// 404 drop, anything else retry). A refused token (401/403) is retried: the event stays with the
/// checkpoint until the configuration is fixed, rather than being lost or dead-lettered.
/// </summary>
public sealed class StandaloneSink(Uri subscriber, HttpClient http, EventingOptions options) : ICloudEventSink
{
    public string Name { get; } = $"standalone-{subscriber.Host}-{subscriber.Port}";

    public Uri Subscriber => subscriber;

    private const string TokenHint = "publisher and subscriber need the same app API token (APP_API_TOKEN or Eventing:AppApiToken)";

    private static readonly TimeSpan RoutesValidFor = TimeSpan.FromSeconds(10);
    // One reference, swapped whole: the forwarder delivers to several ODs at once through this sink.
    private volatile CachedRoutes? _routes;

    public async Task<DeliveryResult> DeliverAsync(OutgoingCloudEvent cloudEvent, CancellationToken ct)
    {
        try
        {
            var routes = await RoutesAsync(cloudEvent.Topic, ct);
            foreach (var route in routes)
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
    private async Task<IReadOnlyList<string>> RoutesAsync(string topic, CancellationToken ct)
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
        IReadOnlyList<string> routes = [.. subscriptions.Where(s => s.PubsubName == options.PubSubName && s.Topic == topic).Select(s => s.Route)];
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

    private sealed record CachedRoutes(string Topic, IReadOnlyList<string> Routes, DateTime Until);

    private sealed record Subscription(string PubsubName, string Topic, string Route);

    private sealed record TopicResponse(string? Status);
}
