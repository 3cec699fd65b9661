using System.Text.Json.Serialization;

namespace RobuustOD.Contracts.Register.Api;

// The register's responses (GET /register/v1/...), shared by the service and its clients. Property names are
// camelCase on the wire, enums camelCase strings, dates yyyy-MM-dd (see ContractJson).

public sealed record Link(string Href);

public sealed record OmgevingsdienstLinks(Link Self, Link Historie);

/// <summary>An OD as the register shows it on a peildatum (status and Seveso depend on the date).</summary>
public sealed record OmgevingsdienstResource(
    string Code,
    string Naam,
    IReadOnlyList<string> Provincies,
    int? AantalDeelnemers,
    DateOnly? OpgerichtOp,
    DateOnly? OpgehevenOp,
    OmgevingsdienstStatus Status,
    bool Seveso,
    IReadOnlyList<string> SevesoProvincies,
    IReadOnlyList<string> Voorgangers,
    IReadOnlyList<string> Opvolgers,
    FusieResource? Fusie,
    Zelftoets? Zelftoets,
    DateOnly Peildatum,
    long Versie,
    [property: JsonPropertyName("_links")] OmgevingsdienstLinks Links);

public sealed record FusieResource(
    string Opvolger,
    string OpvolgerNaam,
    IReadOnlyList<string> OpvolgerProvincies,
    int? OpvolgerAantalDeelnemers,
    IReadOnlyList<string> Deelnemers,
    DateOnly Ingangsdatum,
    DateOnly AangekondigdOp,
    FusieStatus Status,
    [property: JsonPropertyName("_links")] FusieLinks Links);

public sealed record FusieLinks(Link Self);

public enum OmgevingsdienstStatus
{
    /// <summary>Registered with an establishment date after the peildatum.</summary>
    Toekomstig,
    Actief,
    Opgeheven,
}

public enum FusieStatus
{
    Aangekondigd,
    Voltooid,
    Geannuleerd,
}

/// <summary>The latest outcome of the OD's self-assessment against the robustness criteria.</summary>
public sealed record Zelftoets(bool Robuust, DateOnly BeoordeeldOp, string? Toelichting);

/// <summary>One page of <c>GET /omgevingsdiensten</c>: the register as it stood on the peildatum.</summary>
public sealed record Pagina(
    IReadOnlyList<OmgevingsdienstResource> Omgevingsdiensten,
    int Totaal,
    int PaginaNummer,
    int PaginaGrootte,
    DateOnly Peildatum,
    [property: JsonPropertyName("_links")] PaginaLinks Links);

public sealed record PaginaLinks(Link Self, Link? Next, Link? Prev);

/// <summary>Per province the OD that does its Seveso tasks on the peildatum.</summary>
public sealed record Overzicht(DateOnly Peildatum, IReadOnlyList<ProvincieSeveso> Provincies);

/// <summary>A province and its Seveso-OD (null where none is designated on the peildatum).</summary>
public sealed record ProvincieSeveso(string Provincie, SevesoOd? Omgevingsdienst);

public sealed record SevesoOd(string Code, string Naam);

public sealed record FusieLijst(IReadOnlyList<FusieResource> Fusies);

/// <summary>An OD's stream as an audit trail: what happened, when it was recorded, and by whom.</summary>
public sealed record Historie(string Code, IReadOnlyList<Gebeurtenis> Gebeurtenissen);

/// <summary>One stored event: its kebab-case name (e.g. <c>fusie-voltooid</c>) and its data as stored.</summary>
public sealed record Gebeurtenis(long Versie, string Type, DateTime GeregistreerdOp, string? Door, System.Text.Json.JsonElement Gegevens);

/// <summary>The values of the <c>status</c> filter of <c>GET /omgevingsdiensten</c> (default: actief).</summary>
public static class StatusFilter
{
    public const string Actief = "actief";
    public const string Opgeheven = "opgeheven";
    public const string Toekomstig = "toekomstig";
    public const string Alle = "alle";
}
