namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>
/// A dead letter: an event the forwarder could not deliver to a sink and will not retry by itself.
/// Kept with the exact CloudEvent, so an operator can inspect it and have it delivered again.
/// </summary>
public sealed class OnbestelbaarBericht
{
    public Guid Id { get; set; }

    public string Bestemming { get; set; } = "";

    public string CloudEventId { get; set; } = "";

    public string Type { get; set; } = "";

    public string Onderwerp { get; set; } = "";

    public string Reden { get; set; } = "";

    public DateTimeOffset OnbestelbaarSinds { get; set; }

    public DateTimeOffset? HerbezorgdOp { get; set; }

    public string Topic { get; set; } = "";

    public string Source { get; set; } = "";

    public byte[] CloudEvent { get; set; } = [];

    public OutgoingCloudEvent AlsCloudEvent() => new(CloudEventId, Source, Type, Topic, Onderwerp, CloudEvent);
}
