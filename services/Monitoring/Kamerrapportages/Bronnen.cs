namespace RobuustOD.Monitoring.Kamerrapportages;

// What the report to parliament is made of, gathered from this service's own data (its copy of the register, the
// ODs' monitoring dossiers, the rounds) by KamerrapportageBronnen.LaadAsync; Kamerrapportage.Stel turns it into
// the national picture without I/O, so that the counts are tested on a known set of ODs.

/// <summary>
/// One OD that exists on the reference date. Colours are 1 green, 2 orange, 3 red, null unknown. <c>Basislijn</c>:
/// the published 2024 assessment per criterion; <c>Nu</c>: the most recent submitted report per criterion.
/// <c>Uitkomst</c>: the outcome category of the most recent judgement (null: not judged); <c>Robuust</c>: the final
/// result on 1 April 2026 (<c>ja</c>, <c>nee</c>, <c>nietZelfstandig</c>; null: not recorded).
/// </summary>
public sealed record OdInBeeld(string Code, string Naam, bool Seveso, IReadOnlyList<string> Provincies, string? Uitkomst, string? Robuust,
    IReadOnlyDictionary<int, int?> Basislijn, IReadOnlyDictionary<int, int?> Nu);

/// <summary>Where an OD's report of a round stands on the reference date.</summary>
public sealed record RapportageInBeeld(string Code, string Ronde, string Status);

/// <summary>A merger or split the register recorded with its effective date.</summary>
public sealed record RegisterwijzigingInBeeld(string Soort, IReadOnlyList<string> Omgevingsdiensten, IReadOnlyList<string> Opvolgers,
    DateOnly Ingangsdatum);

/// <summary>An escalation step: opened on, held (or taken) on.</summary>
public sealed record EscalatieInBeeld(string Code, string Soort, DateOnly? GeopendOp, DateOnly? GehoudenOp);

/// <summary>A decision on measures.</summary>
public sealed record BesluitInBeeld(string Omschrijving, DateOnly GenomenOp, IReadOnlyList<string> Omgevingsdiensten);

public sealed record KamerrapportageBronnen(
    IReadOnlyList<OdInBeeld> Omgevingsdiensten,
    IReadOnlyList<(int Nummer, string? Titel)> Criteria,
    IReadOnlyList<string> Uitkomstcategorieen,
    IReadOnlyList<string> Rondes,
    IReadOnlyList<RapportageInBeeld> Rapportages,
    IReadOnlyList<RegisterwijzigingInBeeld> Registerwijzigingen,
    IReadOnlyList<EscalatieInBeeld> Escalaties,
    IReadOnlyList<BesluitInBeeld> Besluiten);
