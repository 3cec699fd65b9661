namespace RobuustOD.Monitoring.Kamerrapportages;

// The national picture as parliament gets it, for one period. This record is what a frozen report stores (with its
// renderings), so its shape is part of what was sent: add members, never change one.

public sealed record Aantal(string Categorie, int Waarde, IReadOnlyList<string> Omgevingsdiensten);

/// <summary>Traffic lights of one criterion over the ODs in view; <c>Onbekend</c> counts the ODs without a colour.</summary>
public sealed record Kleuren(int Groen, int Oranje, int Rood, int Onbekend);

public sealed record CriteriumInBeeld(int Nummer, string? Titel, Kleuren Nu, Kleuren Basislijn);

/// <summary>The counts for a set of ODs: all ODs, or the Seveso ODs separately.</summary>
public sealed record Landelijk(int AantalOmgevingsdiensten, IReadOnlyList<Aantal> PerUitkomst, IReadOnlyList<Aantal> Robuust,
    IReadOnlyList<CriteriumInBeeld> PerCriterium);

public sealed record RondeInBeeld(string Ronde, IReadOnlyList<Aantal> PerStatus);

public sealed record EscalatiesInBeeld(int Geopend, int Gehouden, IReadOnlyList<Aantal> GeopendPerSoort);

public sealed record KamerrapportageInhoud(
    string Periode,
    DateOnly Van,
    DateOnly Tot,
    DateOnly Peildatum,
    Landelijk Alle,
    Landelijk Seveso,
    IReadOnlyList<RegisterwijzigingInBeeld> Registerwijzigingen,
    IReadOnlyList<RondeInBeeld> Rapportages,
    EscalatiesInBeeld Escalaties,
    IReadOnlyList<BesluitInBeeld> Besluiten);

public static class Kamerrapportage
{
    /// <summary>The category of ODs that have no judgement yet, and of those without a recorded final result.</summary>
    public const string NietBeoordeeld = "nogNietBeoordeeld";

    public const string Onbekend = "onbekend";

    private static readonly string[] RobuustCategorieen = ["ja", "nee", "nietZelfstandig"];

    /// <summary>
    /// The report for <paramref name="periode"/> on <paramref name="peildatum"/>: counts over the ODs in
    /// <paramref name="bronnen"/> (those existing on that date), the Seveso ODs separately, and what happened within the
    /// period (register changes, escalation steps opened and held, decisions). Every category is listed, also at 0.
    /// </summary>
    public static KamerrapportageInhoud Stel(Kamerperiode periode, DateOnly peildatum, KamerrapportageBronnen bronnen)
    {
        var ods = bronnen.Omgevingsdiensten.OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var binnen = (DateOnly? d) => d is { } datum && periode.Bevat(datum) && datum <= peildatum;
        var escalaties = bronnen.Escalaties.Where(e => binnen(e.GeopendOp) || binnen(e.GehoudenOp)).ToList();
        return new KamerrapportageInhoud(
            periode.Id, periode.Van, periode.Tot, peildatum,
            Landelijk(ods, bronnen),
            Landelijk([.. ods.Where(o => o.Seveso)], bronnen),
            [.. bronnen.Registerwijzigingen.Where(w => binnen(w.Ingangsdatum)).OrderBy(w => w.Ingangsdatum)],
            [.. bronnen.Rondes.Select(r => new RondeInBeeld(r, Tel(
                bronnen.Rapportages.Where(p => p.Ronde == r && ods.Any(o => o.Code == p.Code)).Select(p => (p.Status, p.Code)),
                [.. RapportageStatussen])))],
            new EscalatiesInBeeld(
                escalaties.Count(e => binnen(e.GeopendOp)),
                escalaties.Count(e => binnen(e.GehoudenOp)),
                Tel(escalaties.Where(e => binnen(e.GeopendOp)).Select(e => (e.Soort, e.Code)), [])),
            [.. bronnen.Besluiten.Where(b => binnen(b.GenomenOp)).OrderBy(b => b.GenomenOp)]);
    }

    /// <summary>The statuses of a round's report, in the order the report lists them.</summary>
    public static readonly IReadOnlyList<string> RapportageStatussen =
        ["tijdig", "teLaat", "verzuimd", "nogNietVerlopen", "geenTermijn"];

    private static Landelijk Landelijk(List<OdInBeeld> ods, KamerrapportageBronnen bronnen) => new(
        ods.Count,
        Tel(ods.Select(o => (o.Uitkomst ?? NietBeoordeeld, o.Code)), [.. bronnen.Uitkomstcategorieen, NietBeoordeeld]),
        Tel(ods.Select(o => (o.Robuust ?? Onbekend, o.Code)), [.. RobuustCategorieen, Onbekend]),
        [.. bronnen.Criteria.OrderBy(c => c.Nummer).Select(c => new CriteriumInBeeld(c.Nummer, c.Titel,
            Kleur(ods.Select(o => o.Nu.GetValueOrDefault(c.Nummer))),
            Kleur(ods.Select(o => o.Basislijn.GetValueOrDefault(c.Nummer)))))]);

    /// <summary>Counts per category: the known ones first, in their order (also at 0), then any others alphabetically.</summary>
    private static List<Aantal> Tel(IEnumerable<(string Categorie, string Code)> items, IReadOnlyList<string> bekend)
    {
        var groepen = items.GroupBy(i => i.Categorie, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var volgorde = bekend.Concat(groepen.Keys.Except(bekend, StringComparer.Ordinal).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        return [.. volgorde.Select(c => groepen.TryGetValue(c, out var codes) ? new Aantal(c, codes.Count, codes) : new Aantal(c, 0, []))];
    }

    private static Kleuren Kleur(IEnumerable<int?> kleuren)
    {
        var lijst = kleuren.ToList();
        return new Kleuren(lijst.Count(k => k == 1), lijst.Count(k => k == 2), lijst.Count(k => k == 3), lijst.Count(k => k is not (1 or 2 or 3)));
    }
}
