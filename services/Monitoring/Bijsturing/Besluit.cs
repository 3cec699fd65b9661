namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>
/// A decision on measures for one or more ODs. It is its own stream; the escalation steps it closes get
/// <see cref="EscalatieAfgerond"/> on their OD's stream in the same commit.
/// </summary>
public sealed record BesluitVastgelegd(string Id, string Inhoud, DateOnly Datum, string GenomenDoor, IReadOnlyList<string> Omgevingsdiensten,
    IReadOnlyList<string> Escalaties, DateTimeOffset Op);

public sealed class Besluit
{
    public const string IdPattern = Gesprek.IdPattern;

    public static string StreamKey(string id) => "besluit-" + id;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Nummer { get; set; } = "";

    public string Inhoud { get; set; } = "";

    public DateOnly Datum { get; set; }

    public string GenomenDoor { get; set; } = "";

    public List<string> Omgevingsdiensten { get; set; } = [];

    public List<string> Escalaties { get; set; } = [];

    public DateTimeOffset VastgelegdOp { get; set; }

    public static Besluit Create(BesluitVastgelegd e) => new()
    {
        Id = StreamKey(e.Id), Nummer = e.Id, Inhoud = e.Inhoud, Datum = e.Datum, GenomenDoor = e.GenomenDoor,
        Omgevingsdiensten = [.. e.Omgevingsdiensten], Escalaties = [.. e.Escalaties], VastgelegdOp = e.Op,
    };
}
