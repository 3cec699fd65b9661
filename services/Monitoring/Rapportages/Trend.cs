using RobuustOD.Monitoring.Format;

namespace RobuustOD.Monitoring.Rapportages;

public enum TrendRichting
{
    Beter,
    Gelijk,
    Slechter,
}

/// <summary>Where a report's colour of a criterion comes from.</summary>
public enum KleurBron
{
    /// <summary>The automatic evaluation of a measurable criterion (green 1, red 3): measured figures beat an expectation.</summary>
    Evaluatie,

    /// <summary>The OD's own expectation of feasibility by 1 April 2026 (1 green, 2 orange, 3 red).</summary>
    Haalbaarheid,
}

public enum Vergelijking
{
    VorigeRapportage,
    Beoordeling,
}

/// <summary>
/// One criterion's colours: the published assessment's (the baseline), the previous submitted report's and this
/// report's, and the trend of this report against the previous one, or against the assessment when there is no
/// previous report. Colours are 1 green, 2 orange, 3 red; a lower number is better; unknown on either side: no trend.
/// </summary>
public sealed record CriteriumTrend(int Nummer, int? Beoordeling, string? VorigeRonde, int? VorigeRapportage, int? DezeRapportage,
    KleurBron? Bron, Vergelijking? VergelekenMet, TrendRichting? Trend);

public static class Trend
{
    /// <summary>A measurable criterion evaluated green or red takes that colour; otherwise the OD's own expectation.</summary>
    public static (int? Kleur, KleurBron? Bron) KleurVan(RapportageInhoud inhoud, int nummer, IReadOnlyList<CriteriumEvaluatie> evaluatie) =>
        evaluatie.FirstOrDefault(e => e.Criterium == nummer)?.Uitkomst switch
        {
            Uitkomst.Groen => (1, KleurBron.Evaluatie),
            Uitkomst.Rood => (3, KleurBron.Evaluatie),
            _ => inhoud.Criteria.FirstOrDefault(c => c.Nummer == nummer)?.Haalbaarheid is { } h ? (h, KleurBron.Haalbaarheid) : (null, null),
        };

    public static TrendRichting? Richting(int? oud, int? nieuw) => (oud, nieuw) switch
    {
        ({ } o, { } n) when n < o => TrendRichting.Beter,
        ({ } o, { } n) when n > o => TrendRichting.Slechter,
        ({ }, { }) => TrendRichting.Gelijk,
        _ => null,
    };

    /// <param name="vorige">The OD's previous submitted report (round, content, evaluation), if any.</param>
    /// <param name="beoordeling">The baseline's colour per criterion number.</param>
    public static IReadOnlyList<CriteriumTrend> Bepaal(IEnumerable<int> nummers, RapportageInhoud deze, IReadOnlyList<CriteriumEvaluatie> dezeEvaluatie,
        (string Ronde, RapportageInhoud Inhoud, IReadOnlyList<CriteriumEvaluatie> Evaluatie)? vorige, Func<int, int?> beoordeling) =>
        [.. nummers.Order().Select(n =>
        {
            var (kleur, bron) = KleurVan(deze, n, dezeEvaluatie);
            var basis = beoordeling(n);
            int? vorig = vorige is { } v ? KleurVan(v.Inhoud, n, v.Evaluatie).Kleur : null;
            return vorige is null
                ? new CriteriumTrend(n, basis, null, null, kleur, bron, Vergelijking.Beoordeling, Richting(basis, kleur))
                : new CriteriumTrend(n, basis, vorige.Value.Ronde, vorig, kleur, bron, Vergelijking.VorigeRapportage, Richting(vorig, kleur));
        })];
}
