namespace RobuustOD.Monitoring.Format;

public enum Uitkomst
{
    Groen,
    Rood,
    NietTeBeoordelen,
}

/// <summary>
/// A criterion evaluated against its threshold from the catalogue; <c>Gemeten</c> is the share (percent) or the figure
/// itself. Without a usable threshold, or with a missing figure, it is <c>nietTeBeoordelen</c> and <c>Reden</c> says why.
/// </summary>
public sealed record CriteriumEvaluatie(int Criterium, int? CriteriumVersie, string? Omschrijving, DrempelOperator? Operator,
    decimal? Drempel, string? Eenheid, bool Aandeel, decimal? Gemeten, Uitkomst Uitkomst, IReadOnlyList<string> Ontbrekend, string? Reden);

/// <summary>
/// The automatic evaluation of the measurable criteria from the key figures. A missing figure (or a share of zero)
/// is "niet te beoordelen", never 0. Shares are compared without division (teller x 100 against drempel x noemer),
/// so that exactly 80% is exactly 80%.
/// </summary>
public static class Evaluatie
{
    public static IReadOnlyList<CriteriumEvaluatie> Van(FormatVersie format, Drempelset drempels, IReadOnlyDictionary<string, decimal?> waarden) =>
        [.. format.MeetbareCriteria.OrderBy(m => m.Criterium).Select(m => Van(m, drempels, waarden))];

    public static CriteriumEvaluatie Van(MeetbaarCriterium meetbaar, Drempelset drempels, IReadOnlyDictionary<string, decimal?> waarden)
    {
        var aandeel = meetbaar.Noemer is not null;
        if (drempels.Drempels.FirstOrDefault(d => d.Criterium == meetbaar.Criterium) is not { } drempel)
        {
            var reden = drempels.Ontbrekend.FirstOrDefault(o => o.Criterium == meetbaar.Criterium)?.Reden
                ?? $"Er is geen drempel voor criterium {meetbaar.Criterium}.";
            return new(meetbaar.Criterium, null, null, null, null, null, aandeel, null, Uitkomst.NietTeBeoordelen, [], reden);
        }

        var teller = Waarde(waarden, meetbaar.Kerngetal);
        var noemer = meetbaar.Noemer is null ? null : Waarde(waarden, meetbaar.Noemer);
        var ontbrekend = new List<string>();
        if (teller is null)
        {
            ontbrekend.Add(meetbaar.Kerngetal);
        }

        if (meetbaar.Noemer is not null && noemer is null)
        {
            ontbrekend.Add(meetbaar.Noemer);
        }

        CriteriumEvaluatie Uitslag(decimal? gemeten, Uitkomst uitkomst, string? reden) => new(meetbaar.Criterium, drempel.CriteriumVersie,
            drempel.Omschrijving, drempel.Operator, drempel.Waarde, drempel.Eenheid, aandeel, gemeten, uitkomst, ontbrekend, reden);

        if (ontbrekend.Count > 0)
        {
            return Uitslag(null, Uitkomst.NietTeBeoordelen, $"Ontbrekend kerngetal: {string.Join(", ", ontbrekend)}.");
        }

        if (aandeel && noemer == 0)
        {
            return Uitslag(null, Uitkomst.NietTeBeoordelen, $"'{meetbaar.Noemer}' is 0: er is geen aandeel te berekenen.");
        }

        var links = aandeel ? teller!.Value * 100 : teller!.Value;
        var rechts = aandeel ? drempel.Waarde * noemer!.Value : drempel.Waarde;
        var gehaald = drempel.Operator switch
        {
            DrempelOperator.MeerDan => links > rechts,
            DrempelOperator.TenMinste => links >= rechts,
            DrempelOperator.MinderDan => links < rechts,
            DrempelOperator.TenHoogste => links <= rechts,
            _ => links == rechts,
        };
        var gemeten = aandeel ? Math.Round(teller.Value * 100 / noemer!.Value, 2) : teller.Value;
        return Uitslag(gemeten, gehaald ? Uitkomst.Groen : Uitkomst.Rood, null);
    }

    private static decimal? Waarde(IReadOnlyDictionary<string, decimal?> waarden, string code) =>
        waarden.TryGetValue(code, out var waarde) ? waarde : null;
}
