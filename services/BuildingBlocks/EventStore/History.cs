using System.Text.Json;
using System.Text.RegularExpressions;
using JasperFx.Events;
using RobuustOD.Contracts.Api;

namespace RobuustOD.EventStore;

/// <summary>
/// A stream as an audit trail, in the one shape every service serves at <c>.../omgevingsdiensten/{code}/historie</c>:
/// the event's kebab-case name (as the contracts name it: <c>fusie-voltooid</c>), its version in the stream, when it
/// was stored (UTC), the actor from the event metadata, and its data as stored.
/// </summary>
public static partial class History
{
    public static Historie Of(string omgevingsdienst, IReadOnlyList<IEvent> events, JsonSerializerOptions json) =>
        new(omgevingsdienst, [.. events.Select(e => new Gebeurtenis(e.Version, Name(e.EventType), e.Timestamp.UtcDateTime,
            e.UserName, JsonSerializer.SerializeToElement(e.Data, e.EventType, json)))]);

    /// <summary>The kebab-case name of an event type: <c>FusieVoltooid</c> is <c>fusie-voltooid</c>.</summary>
    public static string Name(Type eventType) => Kebab().Replace(eventType.Name, "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Kebab();
}
