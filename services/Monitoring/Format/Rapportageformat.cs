namespace RobuustOD.Monitoring.Format;

/// <summary>What an OD can report on a criterion.</summary>
public enum Onderdeel
{
    Maatregelen,
    PlanningPerKwartaal,
    Risicos,
    Haalbaarheid,
}

public enum Eenheid
{
    Fte,
    Euro,
    Aantal,
    Procent,
}

/// <summary>Per criterion (the ministry's question number) what the OD reports.</summary>
public sealed record FormatCriterium(int Nummer, IReadOnlyList<Onderdeel> Onderdelen);

/// <summary>A key figure the OD fills in, by its code (e.g. <c>totaalFte</c>).</summary>
public sealed record Kerngetal(string Code, string Naam, Eenheid Eenheid);

/// <summary>
/// A criterion the key figures measure: <c>Kerngetal</c> itself, or, with a <c>Noemer</c>, the share
/// <c>Kerngetal / Noemer</c> in percent. The threshold it is compared with is not the format's: it is the criterion's
/// in the assessment's catalogue (<see cref="Drempelset"/>).
/// </summary>
public sealed record MeetbaarCriterium(int Criterium, string Kerngetal, string? Noemer);

/// <summary>One edition of the format; a later edition never changes a report made on an earlier one.</summary>
public sealed record FormatVersie(int Versie, IReadOnlyList<FormatCriterium> Criteria, IReadOnlyList<Kerngetal> Kerngetallen,
    IReadOnlyList<MeetbaarCriterium> MeetbareCriteria, DateTimeOffset VastgesteldOp);

public sealed record RapportageformatVastgesteld(int Versie, IReadOnlyList<FormatCriterium> Criteria, IReadOnlyList<Kerngetal> Kerngetallen,
    IReadOnlyList<MeetbaarCriterium> MeetbareCriteria, DateTimeOffset Op);

/// <summary>The format with all its editions, one stream (<see cref="StreamKey"/>).</summary>
public sealed class Rapportageformat
{
    /// <summary>The hyphen keeps the key apart from every OD code.</summary>
    public const string StreamKey = "format-rapportage";

    public string Id { get; set; } = StreamKey;

    public long Version { get; set; }

    public List<FormatVersie> Versies { get; set; } = [];

    public FormatVersie? Huidig => Versies.Count == 0 ? null : Versies[^1];

    public FormatVersie? Versie(int versie) => Versies.FirstOrDefault(v => v.Versie == versie);

    public static Rapportageformat Create(RapportageformatVastgesteld e)
    {
        var format = new Rapportageformat();
        format.Apply(e);
        return format;
    }

    public void Apply(RapportageformatVastgesteld e) =>
        Versies.Add(new FormatVersie(e.Versie, e.Criteria, e.Kerngetallen, e.MeetbareCriteria ?? [], e.Op));
}
