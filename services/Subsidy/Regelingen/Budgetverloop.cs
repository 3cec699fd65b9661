using System.Globalization;

namespace RobuustOD.Subsidy.Regelingen;

/// <summary>How the budget's course is summed up: per calendar day or per calendar month (Amsterdam dates).</summary>
public enum Periodisering
{
    Dag,
    Maand,
}

/// <summary>The budget at the end of a period in which it changed.</summary>
/// <param name="Periode">The day (<c>2026-03-12</c>) or the month (<c>2026-03</c>).</param>
/// <param name="TotEnMet">The last day of the period: the figures are those at its end.</param>
public sealed record Budgetstand(string Periode, DateOnly TotEnMet, decimal? Plafond, decimal Verplicht, decimal Betaald,
    decimal Vastgesteld, decimal Vrijgevallen, decimal Teruggevorderd, decimal? Beschikbaar);

/// <summary>
/// The budget over time, from the budget stream's own events: replayed in the store's order, one figure per period
/// with a change, at the end of that period. Periods without a change are left out (the figures then stand as before),
/// so the series grows with the bookings, not with the calendar.
/// </summary>
public static class Budgetverloop
{
    public static IReadOnlyList<Budgetstand> Bereken(IEnumerable<(DateOnly Datum, object Gebeurtenis)> gebeurtenissen, Periodisering per)
    {
        var standen = new List<Budgetstand>();
        Budget? budget = null;
        (string Periode, DateOnly TotEnMet)? huidige = null;
        foreach (var (datum, gebeurtenis) in gebeurtenissen)
        {
            var periode = Periode(datum, per);
            if (huidige is { } vorige && vorige.Periode != periode.Periode && budget is not null)
            {
                standen.Add(Stand(vorige, budget));
            }

            huidige = periode;
            budget = Budget.Verwerk(budget, gebeurtenis);
        }

        if (huidige is { } laatste && budget is not null)
        {
            standen.Add(Stand(laatste, budget));
        }

        return standen;
    }

    private static (string Periode, DateOnly TotEnMet) Periode(DateOnly datum, Periodisering per) => per switch
    {
        Periodisering.Maand => (datum.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            new DateOnly(datum.Year, datum.Month, DateTime.DaysInMonth(datum.Year, datum.Month))),
        _ => (datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), datum),
    };

    private static Budgetstand Stand((string Periode, DateOnly TotEnMet) p, Budget b) =>
        new(p.Periode, p.TotEnMet, b.Plafond, b.Verplicht, b.Betaald, b.Vastgesteld, b.Vrijgevallen, b.Teruggevorderd, b.Beschikbaar);
}
