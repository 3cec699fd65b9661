using RobuustOD.Monitoring.Format;

namespace RobuustOD.Monitoring.Rapportages;

public sealed record WaardeWijziging(string Code, decimal? Oud, decimal? Nieuw);

public sealed record TekstWijziging(string? Oud, string? Nieuw);

public sealed record KleurWijziging(int? Oud, int? Nieuw);

public sealed record PlanningWijziging(IReadOnlyList<PlanningRegel> Toegevoegd, IReadOnlyList<PlanningRegel> Vervallen);

/// <summary>What changed in one criterion's row; null members did not change.</summary>
public sealed record RijVerschil(int Nummer, bool Toegevoegd, bool Vervallen, TekstWijziging? Maatregelen, PlanningWijziging? Planning,
    TekstWijziging? Risicos, KleurWijziging? Haalbaarheid);

public sealed record UitkomstWijziging(int Criterium, Uitkomst Oud, Uitkomst Nieuw);

/// <summary>The difference between two versions of a report: key figures, rows, explanation, and the evaluation that follows.</summary>
public sealed record Rapportageverschil(IReadOnlyList<WaardeWijziging> Kerngetallen, IReadOnlyList<RijVerschil> Criteria,
    TekstWijziging? Toelichting, IReadOnlyList<UitkomstWijziging> Evaluatie)
{
    public static Rapportageverschil Tussen(RapportageInhoud oud, RapportageInhoud nieuw, IReadOnlyList<CriteriumEvaluatie> oudeEvaluatie,
        IReadOnlyList<CriteriumEvaluatie> nieuweEvaluatie)
    {
        var kerngetallen = oud.Kerngetallen.Keys.Union(nieuw.Kerngetallen.Keys).Order(StringComparer.Ordinal)
            .Select(k => new WaardeWijziging(k, oud.Kerngetallen.GetValueOrDefault(k), nieuw.Kerngetallen.GetValueOrDefault(k)))
            .Where(w => w.Oud != w.Nieuw).ToList();
        var rijen = oud.Criteria.Select(c => c.Nummer).Union(nieuw.Criteria.Select(c => c.Nummer)).Order()
            .Select(n => Rij(n, oud.Criteria.FirstOrDefault(c => c.Nummer == n), nieuw.Criteria.FirstOrDefault(c => c.Nummer == n)))
            .OfType<RijVerschil>().ToList();
        var evaluatie = nieuweEvaluatie.Select(e => (Nieuw: e, Oud: oudeEvaluatie.FirstOrDefault(o => o.Criterium == e.Criterium)))
            .Where(p => p.Oud is not null && p.Oud.Uitkomst != p.Nieuw.Uitkomst)
            .Select(p => new UitkomstWijziging(p.Nieuw.Criterium, p.Oud!.Uitkomst, p.Nieuw.Uitkomst)).ToList();
        return new(kerngetallen, rijen, Tekst(oud.Toelichting, nieuw.Toelichting), evaluatie);
    }

    private static RijVerschil? Rij(int nummer, CriteriumRapportage? oud, CriteriumRapportage? nieuw)
    {
        var oudePlanning = oud?.Planning ?? [];
        var nieuwePlanning = nieuw?.Planning ?? [];
        var rij = new RijVerschil(nummer, oud is null, nieuw is null, Tekst(oud?.Maatregelen, nieuw?.Maatregelen),
            oudePlanning.SequenceEqual(nieuwePlanning) ? null : new PlanningWijziging([.. nieuwePlanning.Except(oudePlanning)], [.. oudePlanning.Except(nieuwePlanning)]),
            Tekst(oud?.Risicos, nieuw?.Risicos), oud?.Haalbaarheid == nieuw?.Haalbaarheid ? null : new KleurWijziging(oud?.Haalbaarheid, nieuw?.Haalbaarheid));
        return rij is { Toegevoegd: false, Vervallen: false, Maatregelen: null, Planning: null, Risicos: null, Haalbaarheid: null } ? null : rij;
    }

    private static TekstWijziging? Tekst(string? oud, string? nieuw) => oud == nieuw ? null : new TekstWijziging(oud, nieuw);
}
