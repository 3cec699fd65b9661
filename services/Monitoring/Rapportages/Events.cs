using RobuustOD.Monitoring.Format;

namespace RobuustOD.Monitoring.Rapportages;

// The report's events added after the first slice (the first slice's stay in Monitoringdossier.cs under their names).

/// <summary>
/// What a submission fixes besides the content, appended right after <see cref="VoortgangsrapportageIngediend"/>:
/// who submitted, the catalogue's thresholds the report is evaluated against from now on (a later catalogue edition
/// does not rewrite it), and the due date and days late as they were at that moment.
/// </summary>
public sealed record IndieningVastgelegd(string Ronde, string Door, Drempelset Drempels, DateOnly? IndienenUiterlijk, int? DagenTeLaat);

/// <summary>
/// A correction of a submitted report: a new version with its whole content (key figures, criteria, explanation), and
/// who, when and why. The earlier versions stay; the thresholds stay those frozen at submission.
/// </summary>
public sealed record VoortgangsrapportageGecorrigeerd(string Ronde, int Versie, string Reden, IReadOnlyDictionary<string, decimal?> Kerngetallen,
    IReadOnlyList<CriteriumRapportage> Criteria, string? Toelichting, string Door, DateTimeOffset Op);

/// <summary>The round's due date passed without a submitted report of this OD (found by the clock, recorded once).</summary>
public sealed record VoortgangsrapportageVerzuimd(string Code, string Ronde, DateOnly IndienenUiterlijk, DateTimeOffset Op);

/// <summary>An open overdue no longer holds: the due date moved to today or later, was cleared, or the OD is no longer expected.</summary>
public sealed record VerzuimOpgeheven(string Ronde, DateOnly IndienenUiterlijk, string Reden, DateTimeOffset Op);
