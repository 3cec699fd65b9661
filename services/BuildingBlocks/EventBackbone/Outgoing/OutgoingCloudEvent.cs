using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using JasperFx.Events;
using RobuustOD.Contracts.Eventing;

namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>
/// A stored event as a CloudEvent of the NL GOV profile: <c>id</c> is the stored event's id (a redelivery
/// keeps it), <c>source</c> the system's URN, <c>type</c> the contract's type, <c>time</c> when it was stored,
/// <c>subject</c> the OD code (the stream key), <c>sequence</c> its position in the store.
/// </summary>
public sealed record OutgoingCloudEvent(string Id, string Source, string Type, string Topic, string Subject, byte[] StructuredJson)
{
    public const string ContentType = "application/cloudevents+json";

    private static readonly JsonEventFormatter Formatter = new();
    private static readonly CloudEventAttribute Sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);

    public static OutgoingCloudEvent From(IEvent stored, object payload, string source, JsonSerializerOptions json)
    {
        var contract = IntegrationEventCatalogue.Describe(payload.GetType());
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, [Sequence])
        {
            Id = stored.Id.ToString(),
            Source = new Uri(source),
            Type = contract.Type,
            Time = stored.Timestamp.ToUniversalTime(),
            Subject = stored.StreamKey,
            DataContentType = "application/json",
            Data = JsonSerializer.SerializeToElement(payload, payload.GetType(), json),
        };
        // Zero-padded so that the order of the strings is the order of the store (CloudEvents "sequence" extension).
        cloudEvent[Sequence] = stored.Sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Formatter.EncodeStructuredModeMessage(cloudEvent, out _).ToArray();
        return new OutgoingCloudEvent(cloudEvent.Id, source, contract.Type, contract.Topic, stored.StreamKey!, bytes);
    }

    public Dictionary<string, string> DaprMetadata() => new()
    {
        ["cloudevent.id"] = Id,
        ["cloudevent.source"] = Source,
        ["cloudevent.type"] = Type,
        [PubSub.PartitionKeyMetadata] = Subject,
    };
}
