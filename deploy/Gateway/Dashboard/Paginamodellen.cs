namespace RobuustOD.Gateway.Dashboard;

/// <summary>What every page shows around its content: who is signed in and when its data was read.</summary>
public sealed record Kop(Aanmelding Gebruiker, DateTimeOffset StandPer);

public sealed record OverzichtFilter(string Ronde, bool? Seveso, string? Provincie);

/// <summary>The national overview: the assessment's matrix, filtered, with the latest progress report's lights.</summary>
public sealed record OverzichtModel(
    Kop Kop,
    OverzichtFilter Filter,
    Paneel<Matrix> Matrix,
    IReadOnlyList<MatrixOd> Rijen,
    IReadOnlyList<string> Provincies,
    string? RegisterMelding,
    IReadOnlyDictionary<string, Rapportage> Voortgang,
    string? VoortgangMelding);

public sealed record ProvincieKleur(string Provincie, string? Kleur, IReadOnlyList<string> Omgevingsdiensten, IReadOnlyList<string> SevesoOds);

public sealed record KaartModel(Kop Kop, string Maat, string Ronde, IReadOnlyList<ProvincieKleur> Provincies, string? Melding);

public sealed record RondeTermijnen(Ronde Ronde, Paneel<Termijnen> Termijnen);

public sealed record TermijnenModel(Kop Kop, string? RondesMelding, IReadOnlyList<RondeTermijnen> Rondes, Paneel<Escalaties> Escalaties);

public sealed record BudgetModel(Kop Kop, Paneel<RegelingenLijst> Regelingen, IReadOnlyDictionary<string, Paneel<Budgetverloop>> Verloop);

public sealed record OdModel(
    Kop Kop,
    string Code,
    Paneel<RegisterOd> Register,
    Paneel<RegisterHistorie> Historie,
    Paneel<Beoordelingen> Beoordelingen,
    Paneel<Monitoringdossier> Monitoring,
    IReadOnlyList<Rapportage> Rapportages,
    Paneel<Subsidieoverzicht> Subsidies);
