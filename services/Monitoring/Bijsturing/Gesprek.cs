namespace RobuustOD.Monitoring.Bijsturing;

public enum GesprekSoort
{
    /// <summary>Officials of IenW with the chair and secretary of the OD's board.</summary>
    Ambtelijk,

    /// <summary>The minister with the OD's owners (province and municipalities).</summary>
    Bestuurlijk,

    /// <summary>The director-general of IenW with the provinces' deputies.</summary>
    DgGedeputeerden,
}

/// <summary>A conversation, escalated or not. <c>Uitkomst</c> null: not (yet) known.</summary>
public sealed record GesprekVastgelegd(string Id, GesprekSoort Soort, DateOnly Datum, IReadOnlyList<string> Omgevingsdiensten,
    IReadOnlyList<string> Provincies, IReadOnlyList<string> Deelnemers, string? Onderwerp, string? Uitkomst, string? Escalatie,
    DateTimeOffset Op);

/// <summary>One conversation, its own stream (<see cref="StreamKey"/>), kept as an inline snapshot so it can be queried per OD.</summary>
public sealed class Gesprek
{
    public const string IdPattern = "^[a-z0-9][a-z0-9-]{0,63}\\z";

    /// <summary>The prefix's hyphen keeps the key apart from every OD code.</summary>
    public static string StreamKey(string id) => "gesprek-" + id;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Nummer { get; set; } = "";

    public GesprekSoort Soort { get; set; }

    public DateOnly Datum { get; set; }

    public List<string> Omgevingsdiensten { get; set; } = [];

    public List<string> Provincies { get; set; } = [];

    public List<string> Deelnemers { get; set; } = [];

    public string? Onderwerp { get; set; }

    public string? Uitkomst { get; set; }

    public string? Escalatie { get; set; }

    public DateTimeOffset VastgelegdOp { get; set; }

    public static Gesprek Create(GesprekVastgelegd e) => new()
    {
        Id = StreamKey(e.Id), Nummer = e.Id, Soort = e.Soort, Datum = e.Datum, Omgevingsdiensten = [.. e.Omgevingsdiensten],
        Provincies = [.. e.Provincies], Deelnemers = [.. e.Deelnemers], Onderwerp = e.Onderwerp, Uitkomst = e.Uitkomst,
        Escalatie = e.Escalatie, VastgelegdOp = e.Op,
    };
}
