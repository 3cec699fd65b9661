using Marten;
using RobuustOD.Contracts.Eventing;

namespace RobuustOD.EventBackbone.Incoming;

/// <summary>The CloudEvent context a handler may need besides the payload.</summary>
public sealed record CloudEventContext(string Id, string Source, string Type, string? Subject, DateTimeOffset? Time)
{
    /// <summary>
    /// The CloudEvent's attributes as Dapr's CloudEvents middleware forwards them as <c>Cloudevent.*</c> headers (lower-case
    /// names; not <c>data</c>, <c>data_base64</c>, <c>datacontenttype</c>, <c>pubsubname</c>, <c>traceparent</c>): the
    /// same for an event delivered alone and one in a bulk delivery, which has no headers per event.
    /// </summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>The handlers of one topic, by contract type. Each runs in the session that records the inbox row.</summary>
public sealed class IntegrationEventHandlers
{
    private readonly Dictionary<string, (Type Payload, Func<object, IDocumentSession, CloudEventContext, CancellationToken, Task> Apply)> _handlers = [];

    public IntegrationEventHandlers On<TEvent>(Func<TEvent, IDocumentSession, CloudEventContext, CancellationToken, Task> apply)
        where TEvent : class
    {
        _handlers[IntegrationEventCatalogue.Describe(typeof(TEvent)).Type] = (typeof(TEvent), (e, s, c, ct) => apply((TEvent)e, s, c, ct));
        return this;
    }

    internal bool TryGet(string type, out (Type Payload, Func<object, IDocumentSession, CloudEventContext, CancellationToken, Task> Apply) handler) =>
        _handlers.TryGetValue(type, out handler);

    public IReadOnlyCollection<string> Types => _handlers.Keys;
}
