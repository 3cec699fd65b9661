using RobuustOD.CatalogusReadModel;

namespace RobuustOD.Monitoring.Format;

public enum DrempelOperator
{
    /// <summary>More than (&gt;).</summary>
    MeerDan,

    /// <summary>At least (&gt;=).</summary>
    TenMinste,

    /// <summary>Less than (&lt;).</summary>
    MinderDan,

    /// <summary>At most (&lt;=).</summary>
    TenHoogste,

    /// <summary>Equal (=).</summary>
    GelijkAan,
}

/// <summary>
/// A criterion's measurable threshold as the assessment's catalogue set it (<c>CriteriumVersie</c> names the
/// catalogue's version): e.g. criterion 7, at least 80 percent.
/// </summary>
public sealed record Drempel(int Criterium, int CriteriumVersie, string Omschrijving, DrempelOperator Operator, decimal Waarde, string Eenheid)
{
    public bool IsAandeel => Drempelset.IsProcent(Eenheid);
}

/// <summary>A measurable criterion without a usable threshold, and why.</summary>
public sealed record OntbrekendeDrempel(int Criterium, string Reden);

/// <summary>
/// The thresholds of one format edition's measurable criteria, taken from the catalogue: what a draft is evaluated
/// against (the catalogue as it is now) and what a submission freezes (so a later catalogue edition never rewrites a
/// submitted report).
/// </summary>
public sealed record Drempelset(IReadOnlyList<Drempel> Drempels, IReadOnlyList<OntbrekendeDrempel> Ontbrekend)
{
    public static Drempelset Uit(FormatVersie format, IReadOnlyDictionary<int, CriteriumUitCatalogus> catalogus)
    {
        var drempels = new List<Drempel>();
        var ontbrekend = new List<OntbrekendeDrempel>();
        foreach (var meetbaar in format.MeetbareCriteria.OrderBy(m => m.Criterium))
        {
            var (drempel, reden) = Lees(meetbaar, catalogus.GetValueOrDefault(meetbaar.Criterium));
            if (drempel is not null)
            {
                drempels.Add(drempel);
            }
            else
            {
                ontbrekend.Add(new OntbrekendeDrempel(meetbaar.Criterium, reden!));
            }
        }

        return new Drempelset(drempels, ontbrekend);
    }

    /// <summary>
    /// The catalogue's threshold for one measurable criterion, or why it cannot be used: the criterion or its threshold
    /// is missing, its operator is unknown, or its unit does not fit what the format measures (a share needs a percentage,
    /// a figure of its own must not be one).
    /// </summary>
    public static (Drempel? Drempel, string? Reden) Lees(MeetbaarCriterium meetbaar, CriteriumUitCatalogus? criterium)
    {
        var n = meetbaar.Criterium;
        if (criterium is null)
        {
            return (null, $"Criterium {n} staat niet in de criteriacatalogus.");
        }

        if (criterium.Drempel is not { } d)
        {
            return (null, $"Criterium {n} heeft in de criteriacatalogus (versie {criterium.Versie}) geen meetbare drempel.");
        }

        if (Operator(d.Operator) is not { } op)
        {
            return (null, $"De drempel van criterium {n} heeft een onbekende operator '{d.Operator}'.");
        }

        if (meetbaar.Noemer is not null && !IsProcent(d.Eenheid))
        {
            return (null, $"Het format meet bij criterium {n} een aandeel, maar de drempel in de catalogus is in '{d.Eenheid}'.");
        }

        if (meetbaar.Noemer is null && IsProcent(d.Eenheid))
        {
            return (null, $"De drempel van criterium {n} is een percentage, maar het format meet geen aandeel.");
        }

        return (new Drempel(n, criterium.Versie, d.Omschrijving, op, d.Waarde, d.Eenheid), null);
    }

    public static DrempelOperator? Operator(string teken) => teken.Trim() switch
    {
        ">" => DrempelOperator.MeerDan,
        ">=" or "≥" => DrempelOperator.TenMinste,
        "<" => DrempelOperator.MinderDan,
        "<=" or "≤" => DrempelOperator.TenHoogste,
        "=" => DrempelOperator.GelijkAan,
        _ => null,
    };

    public static bool IsProcent(string eenheid) =>
        eenheid.Trim() is "%" || string.Equals(eenheid.Trim(), "procent", StringComparison.OrdinalIgnoreCase);
}
