namespace RobuustOD.Registry.Omgevingsdiensten;

// The events of an omgevingsdienst's stream (one stream per OD, keyed by its code).
// They are the register's history and, through the event backbone, its integration events.

/// <summary>An OD entered the register: registered directly, or formed by a merger or split (then with its voorgangers).</summary>
public sealed record OmgevingsdienstGeregistreerd(
    string Code,
    string Naam,
    IReadOnlyList<string> Provincies,
    int? AantalDeelnemers,
    DateOnly? OpgerichtOp,
    IReadOnlyList<string> Voorgangers);

public sealed record OmgevingsdienstGewijzigd(string Naam, IReadOnlyList<string> Provincies, int? AantalDeelnemers);

/// <summary><paramref name="Ingangsdatum"/> null: the designation predates the register's records.</summary>
public sealed record SevesoAangewezen(IReadOnlyList<string> Provincies, DateOnly? Ingangsdatum);

public sealed record SevesoIngetrokken(DateOnly Einddatum);

public sealed record FusieAangekondigd(
    string Opvolger,
    string OpvolgerNaam,
    IReadOnlyList<string> OpvolgerProvincies,
    int? OpvolgerAantalDeelnemers,
    IReadOnlyList<string> Deelnemers,
    DateOnly Ingangsdatum,
    DateOnly AangekondigdOp);

/// <summary>The merger took effect: this OD is dissolved on the ingangsdatum and continues as the opvolger.</summary>
public sealed record FusieVoltooid(string Opvolger, DateOnly Ingangsdatum);

public sealed record FusieGeannuleerd(string Opvolger, string? Reden);

/// <summary>This OD is dissolved on the ingangsdatum and continues as several opvolgers.</summary>
public sealed record Opgesplitst(IReadOnlyList<string> Opvolgers, DateOnly Ingangsdatum);

public sealed record ZelftoetsVastgelegd(bool Robuust, DateOnly BeoordeeldOp, string? Toelichting);
