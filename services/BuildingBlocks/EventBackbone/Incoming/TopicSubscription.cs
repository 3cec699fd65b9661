using System.Text.Json;
using Dapr;
using Dapr.AspNetCore;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts.Eventing;

namespace RobuustOD.EventBackbone.Incoming;

/// <summary>
/// One endpoint per topic, declared the Dapr way (<c>WithTopic</c>, listed at <c>/dapr/subscribe</c>,
/// with a dead-letter topic). The CloudEvents middleware has unwrapped the payload and forwarded the
/// attributes as <c>Cloudevent.*</c> headers. Only the caller with the app API token gets here
/// (<see cref="DaprEndpointAuthorization"/>), and only events from the topic's own publisher are applied: the
/// <c>source</c> must be <c>urn:nld:oin:&lt;Eventing:Oin&gt;:systeem:&lt;PubSub.PublisherOf(topic)&gt;</c>, anything else
/// is dropped. Each event is applied exactly once in effect: the inbox row (source + id) and the handler's writes
/// commit together; a redelivery finds the row and is acknowledged. The route also takes Dapr's bulk subscribe
/// (declared at <c>/dapr/subscribe</c>): one request with a page of events, applied in one transaction
/// (<see cref="InboxTransaction"/>) and answered per entry with the status each would have had alone.
/// </summary>
public static partial class TopicSubscription
{
    /// <summary>Bulk subscribe: at most this many events per delivery (Dapr's default), and daprd waits at most this long to fill one.</summary>
    public const int BulkMaxMessages = 100;

    public const int BulkMaxAwaitMilliseconds = 50;

    public static RouteHandlerBuilder MapTopicSubscription(this IEndpointRouteBuilder endpoints, string topic,
        Action<IntegrationEventHandlers> configure)
    {
        var handlers = new IntegrationEventHandlers();
        configure(handlers);
        var eventing = endpoints.ServiceProvider.GetRequiredService<IOptions<EventingOptions>>().Value;
        var pubsub = eventing.PubSubName;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("RobuustOD.Eventing.Inbox");
        var subscription = new InboxEntry.Subscription(topic, CloudEventSource.For(eventing.Oin, PubSub.PublisherOf(topic)), handlers, logger);
        return endpoints.MapPost($"/events/{topic}", (HttpContext http, IDocumentStore store) => HandleAsync(http, store, subscription))
            .WithTopic(new TopicOptions { PubsubName = pubsub, Name = topic, DeadLetterTopic = PubSub.DeadLetterTopic(topic) })
            // daprd (and the standalone forwarder) then deliver up to a page of events per request, applied in one transaction.
            .WithBulkSubscribe(new BulkSubscribeTopicOptions
            {
                TopicName = topic, MaxMessagesCount = BulkMaxMessages, MaxAwaitDurationMs = BulkMaxAwaitMilliseconds,
            })
            .RequireAuthorization(DaprEndpointAuthorization.Policy)
            .ExcludeFromDescription();
    }

    /// <summary>
    /// One CloudEvent (structured; the middleware has unwrapped its data and forwarded its attributes as headers), or a
    /// bulk delivery (a <see cref="BulkSubscribeMessage{TValue}"/> as plain JSON: no attribute headers), answered the
    /// Dapr way: a status, or a status per entry.
    /// </summary>
    private static async Task<IResult> HandleAsync(HttpContext http, IDocumentStore store, InboxEntry.Subscription subscription)
    {
        var ct = http.RequestAborted;
        if (!InboxEntry.HasAttributeHeaders(http.Request.Headers) && await ReadBulkAsync(http) is { } bulk)
        {
            var entries = new List<InboxEntry>(bulk.Entries.Count);
            foreach (var entry in bulk.Entries)
            {
                entries.Add(await PrepareAsync(entry, subscription, ct));
            }

            await InboxTransaction.ApplyAsync(store, entries, subscription.Logger, ct);
            return TypedResults.Ok(new BulkSubscribeAppResponse([.. bulk.Entries.Select((entry, i) =>
                new BulkSubscribeAppResponseEntry(entry.EntryId, Enum.Parse<BulkSubscribeAppResponseStatus>(entries[i].Status!)))]));
        }

        var single = await InboxEntry.PrepareAsync(InboxEntry.AttributesFrom(http.Request.Headers),
            (type, token) => JsonSerializer.DeserializeAsync(http.Request.Body, type, PayloadJson, token), subscription, ct);
        await InboxTransaction.ApplyAsync(store, [single], subscription.Logger, ct);
        return Answer(single.Status!);
    }

    /// <summary>The body as a bulk delivery, or null when it is not one (then it is answered as a single event: dropped).</summary>
    private static async Task<BulkSubscribeMessage<JsonElement>?> ReadBulkAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        try
        {
            var bulk = await JsonSerializer.DeserializeAsync<BulkSubscribeMessage<JsonElement>>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted);
            if (bulk?.Entries is { } entries && entries.All(e => e is not null && !string.IsNullOrEmpty(e.EntryId)))
            {
                return bulk;
            }
        }
        catch (JsonException)
        {
        }

        http.Request.Body.Position = 0;
        return null;
    }

    /// <summary>An entry as its CloudEvent alone would have reached the handler through the middleware.</summary>
    private static Task<InboxEntry> PrepareAsync(BulkSubscribeMessageEntry<JsonElement> entry, InboxEntry.Subscription subscription, CancellationToken ct)
    {
        var cloudEvent = entry.Event;
        if (cloudEvent.ValueKind != JsonValueKind.Object)
        {
            return InboxEntry.PrepareAsync(new Dictionary<string, string>(), (_, _) => ValueTask.FromResult<object?>(null), subscription, ct);
        }

        return InboxEntry.PrepareAsync(InboxEntry.AttributesFrom(cloudEvent), (type, _) => ValueTask.FromResult(Data(cloudEvent, type)), subscription, ct);
    }

    /// <summary>The payload from <c>data</c> (JSON, or text in a JSON string) or <c>data_base64</c>; neither or both: none.</summary>
    private static object? Data(JsonElement cloudEvent, Type type)
    {
        var data = cloudEvent.EnumerateObject().Where(p => p.Name.Equals("data", StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
        var base64 = cloudEvent.EnumerateObject().Where(p => p.Name.Equals("data_base64", StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
        if (data is { } json && base64 is null)
        {
            var isJson = !cloudEvent.TryGetProperty("datacontenttype", out var contentType) || contentType.ValueKind != JsonValueKind.String
                || contentType.GetString() is not { } media || media.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                || media.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase);
            return isJson || json.ValueKind != JsonValueKind.String
                ? json.Deserialize(type, PayloadJson)
                : JsonSerializer.Deserialize(json.GetString()!, type, PayloadJson);
        }

        if (base64 is { ValueKind: JsonValueKind.String } encoded && data is null && encoded.TryGetBytesFromBase64(out var bytes))
        {
            return JsonSerializer.Deserialize(bytes, type, PayloadJson);
        }

        throw new JsonException("no data, data and data_base64 both, or data_base64 that is not base64");
    }

    /// <summary>
    /// Tolerant of new properties (a publisher may add one within a major version), strict on the ones the
    /// contract requires: a missing or null required member makes the event one that can never apply.
    /// </summary>
    private static readonly JsonSerializerOptions PayloadJson = new(RobuustOD.Contracts.ContractJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>A sender's value fit for a log line: at most 200 characters, no control characters.</summary>
    internal static string Printable(string value) =>
        string.Concat(value.Take(200).Select(c => char.IsControl(c) ? '?' : c)) + (value.Length > 200 ? "..." : "");

    // Dapr's contract for programmatic subscriptions: 200 with SUCCESS, RETRY or DROP.
    private static Ok<TopicResponse> Answer(string status) => TypedResults.Ok(new TopicResponse(status));

    public sealed record TopicResponse(string Status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped CloudEvent {Id} ({Type}): {Reason}")]
    internal static partial void LogDrop(ILogger logger, string id, string type, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CloudEvent {Id} ({Type}) has no handler here; acknowledged")]
    internal static partial void LogIgnored(ILogger logger, string id, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudEvent {Id} ({Type}) was applied before; acknowledged without effect")]
    internal static partial void LogDuplicate(ILogger logger, string id, string type);
}
