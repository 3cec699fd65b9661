using System.Globalization;
using System.Text.RegularExpressions;
using RobuustOD.Domain;

namespace RobuustOD.Monitoring.Kamerrapportages;

/// <summary>
/// A reporting period to parliament, twice a year: <c>2026-1</c> is 1 January to 30 June 2026, <c>2026-2</c> 1 July
/// to 31 December. The parliament letters of the programme follow that rhythm (spring and autumn).
/// </summary>
public sealed partial record Kamerperiode(string Id, DateOnly Van, DateOnly Tot)
{
    public const string Pattern = "^20[0-9]{2}-[12]\\z";

    /// <summary>The stream of the period's frozen reports; the hyphen keeps it apart from every OD code.</summary>
    public string StreamKey => "kamerrapportage-" + Id;

    /// <summary>A valid id; one that cannot exist is not found (404), before it reaches a stream key.</summary>
    public static Kamerperiode Lees(string id)
    {
        if (!KamerperiodeRegex().IsMatch(id))
        {
            throw DomainRuleException.NotFound($"Rapportageperiode '{(id.Length > 20 ? id[..20] + "..." : id)}' bestaat niet; gebruik jjjj-1 of jjjj-2.");
        }

        var jaar = int.Parse(id[..4], CultureInfo.InvariantCulture);
        return id[^1] == '1'
            ? new Kamerperiode(id, new DateOnly(jaar, 1, 1), new DateOnly(jaar, 6, 30))
            : new Kamerperiode(id, new DateOnly(jaar, 7, 1), new DateOnly(jaar, 12, 31));
    }

    /// <summary>The state the report shows: the end of the period, or today while the period runs.</summary>
    public DateOnly Peildatum(DateOnly vandaag) => vandaag < Tot ? vandaag : Tot;

    public bool Bevat(DateOnly datum) => datum >= Van && datum <= Tot;

    [GeneratedRegex(Pattern)]
    private static partial Regex KamerperiodeRegex();
}
