namespace RobuustOD.Monitoring.Format;

public enum Uitkomst
{
    Groen,
    Rood,
    NietTeBeoordelen,
}

/// <summary>A criterion evaluated against its threshold; <c>Gemeten</c> is the share (percent) or the figure itself.</summary>
public sealed record CriteriumEvaluatie(int Criterium, string Omschrijving, DrempelOperator Operator, decimal Drempel, bool Aandeel,
    decimal? Gemeten, Uitkomst Uitkomst, IReadOnlyList<string> Ontbrekend);

/// <summary>
/// The automatic evaluation of the measurable criteria from the key figures. A missing figure (or a share of zero)
/// is "niet te beoordelen", never 0. Shares are compared without division (teller x 100 against drempel x noemer),
/// so that exactly 80% is exactly 80%.
/// </summary>
public static class Evaluatie
{
    public static IReadOnlyList<CriteriumEvaluatie> Van(FormatVersie format, IReadOnlyDictionary<string, decimal?> waarden) =>
        [.. format.Drempels.OrderBy(d => d.Criterium).Select(d => Van(d, waarden))];

    public static CriteriumEvaluatie Van(Drempel drempel, IReadOnlyDictionary<string, decimal?> waarden)
    {
        var teller = Waarde(waarden, drempel.Kerngetal);
        var noemer = drempel.Noemer is null ? null : Waarde(waarden, drempel.Noemer);
        var ontbrekend = new List<string>();
        if (teller is null)
        {
            ontbrekend.Add(drempel.Kerngetal);
        }

        if (drempel.Noemer is not null && noemer is null)
        {
            ontbrekend.Add(drempel.Noemer);
        }

        if (ontbrekend.Count > 0 || (drempel.Noemer is not null && noemer == 0))
        {
            return new(drempel.Criterium, drempel.Omschrijving, drempel.Operator, drempel.Waarde, drempel.Noemer is not null,
                null, Uitkomst.NietTeBeoordelen, ontbrekend);
        }

        var links = drempel.Noemer is null ? teller!.Value : teller!.Value * 100;
        var rechts = drempel.Noemer is null ? drempel.Waarde : drempel.Waarde * noemer!.Value;
        var gehaald = drempel.Operator == DrempelOperator.TenMinste ? links >= rechts : links > rechts;
        var gemeten = drempel.Noemer is null ? teller.Value : Math.Round(teller.Value * 100 / noemer!.Value, 2);
        return new(drempel.Criterium, drempel.Omschrijving, drempel.Operator, drempel.Waarde, drempel.Noemer is not null,
            gemeten, gehaald ? Uitkomst.Groen : Uitkomst.Rood, []);
    }

    private static decimal? Waarde(IReadOnlyDictionary<string, decimal?> waarden, string code) =>
        waarden.TryGetValue(code, out var waarde) ? waarde : null;
}
