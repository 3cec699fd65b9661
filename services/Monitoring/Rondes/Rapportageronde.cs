namespace RobuustOD.Monitoring.Rondes;

public enum RondeSoort
{
    Voortgang,
    Eindrapportage,
}

/// <summary>A reporting round: the period it covers, the due date (null: not known or not yet set) and the format version.</summary>
public sealed record RapportagerondeAangemaakt(string Ronde, RondeSoort Soort, string Naam, DateOnly? PeriodeVan, DateOnly? PeriodeTot,
    DateOnly? IndienenUiterlijk, int FormatVersie);

public sealed record RapportagerondeGewijzigd(string Ronde, RondeSoort Soort, string Naam, DateOnly? PeriodeVan, DateOnly? PeriodeTot,
    DateOnly? IndienenUiterlijk, int FormatVersie);

/// <summary>One round, its own stream (<see cref="StreamKey"/>), kept as an inline snapshot so that rounds can be listed.</summary>
public sealed class Rapportageronde
{
    public const string Pattern = "^[a-z][a-z0-9]{1,29}$";

    public const string Fragment = "[a-z][a-z0-9]{1,29}";

    /// <summary>The stream key; the hyphen keeps it apart from every OD code (OD codes have none).</summary>
    public static string StreamKey(string ronde) => "ronde-" + ronde;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Ronde { get; set; } = "";

    public RondeSoort Soort { get; set; }

    public string Naam { get; set; } = "";

    public DateOnly? PeriodeVan { get; set; }

    public DateOnly? PeriodeTot { get; set; }

    public DateOnly? IndienenUiterlijk { get; set; }

    public int FormatVersie { get; set; }

    public static Rapportageronde Create(RapportagerondeAangemaakt e) => new()
    {
        Id = StreamKey(e.Ronde),
        Ronde = e.Ronde,
        Soort = e.Soort,
        Naam = e.Naam,
        PeriodeVan = e.PeriodeVan,
        PeriodeTot = e.PeriodeTot,
        IndienenUiterlijk = e.IndienenUiterlijk,
        FormatVersie = e.FormatVersie,
    };

    public void Apply(RapportagerondeGewijzigd e)
    {
        Soort = e.Soort;
        Naam = e.Naam;
        PeriodeVan = e.PeriodeVan;
        PeriodeTot = e.PeriodeTot;
        IndienenUiterlijk = e.IndienenUiterlijk;
        FormatVersie = e.FormatVersie;
    }
}
