using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RobuustOD.EventBackbone.Incoming;

/// <summary>
/// One delivered CloudEvent on its way into the inbox: either answered already (<see cref="Status"/> set: dropped,
/// or acknowledged without a handler) or ready to apply (<see cref="Apply"/>). The same checks, in the same order, for
/// an event delivered alone and one in a bulk delivery.
/// </summary>
internal sealed class InboxEntry
{
    public const string Success = "SUCCESS";
    public const string Retry = "RETRY";
    public const string Drop = "DROP";

    private const string HeaderPrefix = "Cloudevent.";

    // What Dapr's CloudEvents middleware does not forward as headers (the data, and what daprd passes otherwise).
    private static readonly string[] NotForwarded = ["datacontenttype", "data", "data_base64", "pubsubname", "traceparent"];

    public string? Status { get; set; }

    public CloudEventContext Context { get; private init; } = null!;

    public object? Payload { get; private init; }

    public Func<object, IDocumentSession, CloudEventContext, CancellationToken, Task>? Apply { get; private init; }

    /// <summary>The inbox key (source + id).</summary>
    public string Key => VerwerkteGebeurtenis.Sleutel(Context.Source, Context.Id);

    /// <summary>The attributes of an event that came alone: the middleware has forwarded them as headers.</summary>
    public static Dictionary<string, string> AttributesFrom(IHeaderDictionary headers)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > HeaderPrefix.Length)
            {
                attributes[name[HeaderPrefix.Length..].ToLowerInvariant()] = value.ToString();
            }
        }

        return attributes;
    }

    /// <summary>The attributes of an event in a bulk delivery, exactly as the middleware would have forwarded them.</summary>
    public static Dictionary<string, string> AttributesFrom(JsonElement cloudEvent)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in cloudEvent.EnumerateObject())
        {
            if (!NotForwarded.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                attributes.TryAdd(property.Name.ToLowerInvariant(), property.Value.GetRawText().Trim('"'));
            }
        }

        return attributes;
    }

    public static bool HasAttributeHeaders(IHeaderDictionary headers) =>
        headers.Keys.Any(name => name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Checks an event as the subscription always has: id, source and type present; the topic's publisher as source;
    /// a handler for the type (else acknowledged, nothing stored); a payload that fits the contract (else dropped).
    /// </summary>
    public static async Task<InboxEntry> PrepareAsync(IReadOnlyDictionary<string, string> attributes, Func<Type, CancellationToken, ValueTask<object?>> payload,
        Subscription subscription, CancellationToken ct)
    {
        var context = new CloudEventContext(attributes.GetValueOrDefault("id", ""), attributes.GetValueOrDefault("source", ""),
            attributes.GetValueOrDefault("type", ""), attributes.GetValueOrDefault("subject"),
            DateTimeOffset.TryParse(attributes.GetValueOrDefault("time"), System.Globalization.CultureInfo.InvariantCulture, out var time) ? time : null)
        {
            Attributes = attributes,
        };
        var logger = subscription.Logger;
        if (context.Id.Length == 0 || context.Source.Length == 0 || context.Type.Length == 0)
        {
            TopicSubscription.LogDrop(logger, context.Id, context.Type, "not a structured CloudEvent with id, source and type");
            return Answered(context, Drop);
        }

        // Even from the sidecar, an event on this topic that its publisher did not send (another system, another OIN)
        // can never apply here: dropped (Dapr: dead-letter topic; standalone: the publisher's dead letters), not retried.
        if (!string.Equals(context.Source, subscription.Publisher, StringComparison.Ordinal))
        {
            TopicSubscription.LogDrop(logger, context.Id, context.Type,
                $"source '{TopicSubscription.Printable(context.Source)}' is not the publisher of topic '{subscription.Topic}' ('{subscription.Publisher}')");
            return Answered(context, Drop);
        }

        if (!subscription.Handlers.TryGet(context.Type, out var handler))
        {
            TopicSubscription.LogIgnored(logger, context.Id, context.Type);
            return Answered(context, Success);
        }

        try
        {
            var data = await payload(handler.Payload, ct) ?? throw new JsonException("empty payload");
            return new InboxEntry { Context = context, Payload = data, Apply = handler.Apply };
        }
        catch (JsonException ex)
        {
            TopicSubscription.LogDrop(logger, context.Id, context.Type, ex.Message);
            return Answered(context, Drop);
        }
    }

    private static InboxEntry Answered(CloudEventContext context, string status) => new() { Context = context, Status = status };

    /// <summary>What a topic's endpoint knows: its topic, publisher, handlers and log.</summary>
    internal sealed record Subscription(string Topic, string Publisher, IntegrationEventHandlers Handlers, ILogger Logger);
}
