using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// An incoming CloudEvent, stored once (the inbox makes a redelivery harmless) with its attributes as received and its
/// data. <see cref="Id"/> is this service's sequence number (<c>volgnummer</c>, Marten HiLo): the order of storing, the
/// order of delivery per subscription and OD, and the position replay and the pull fallback count from.
/// </summary>
public sealed class Gebeurtenis
{
    public long Id { get; set; }

    public string CloudEventId { get; set; } = "";

    public string Source { get; set; } = "";

    public string Type { get; set; } = "";

    public string Topic { get; set; } = "";

    public string? Subject { get; set; }

    public DateTimeOffset? Time { get; set; }

    /// <summary>Every other attribute as received (datacontenttype, sequence, dataref, ...), by name.</summary>
    public Dictionary<string, string> Attributen { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The data as JSON.</summary>
    public string Data { get; set; } = "{}";

    public List<string> Omgevingsdiensten { get; set; } = [];

    public string? Regeling { get; set; }

    /// <summary>The W3C trace context of the delivery that brought it (which continues the original write's trace).</summary>
    public string? Traceparent { get; set; }

    public DateTimeOffset OntvangenOp { get; set; }

    public Kenmerken Kenmerken => new(Type, Topic, Source, Subject, Omgevingsdiensten, Regeling);
}

/// <summary>What notifications remember of a subsidy request from its submission: later events name only the request.</summary>
public sealed class AanvraagKenmerk
{
    public string Id { get; set; } = "";

    public string Omgevingsdienst { get; set; } = "";

    public string Regeling { get; set; } = "";
}
