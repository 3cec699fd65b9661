using System.Text.Json.Serialization;
using RobuustOD.Contracts.Api;

namespace RobuustOD.Contracts.Register.Api;

// The register's responses (GET /register/v1/...), shared by the service and its clients. Property names are
// camelCase on the wire, enums camelCase strings, dates yyyy-MM-dd (see ContractJson).
// The summaries below end up in the register's OpenAPI document, which is Dutch: keep them Dutch.

public sealed record OmgevingsdienstLinks(Link Self, Link Historie);

/// <summary>Een omgevingsdienst zoals het register hem op de peildatum toont (status en Seveso hangen van de datum af).</summary>
/// <param name="Versie">De versie van de omgevingsdienst; de ETag is deze waarde tussen aanhalingstekens (bijv. "3"), voor If-Match bij een wijziging.</param>
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

/// <summary>Een fusie, aangeduid met de code van de opvolger.</summary>
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
    /// <summary>Geregistreerd met een oprichtingsdatum na de peildatum.</summary>
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

/// <summary>De laatst vastgelegde uitkomst van de zelftoets aan de robuustheidscriteria.</summary>
public sealed record Zelftoets(bool Robuust, DateOnly BeoordeeldOp, string? Toelichting);

/// <summary>Een pagina omgevingsdiensten, zoals het register op de peildatum was.</summary>
public sealed record Pagina(
    IReadOnlyList<OmgevingsdienstResource> Omgevingsdiensten,
    int Totaal,
    int PaginaNummer,
    int PaginaGrootte,
    DateOnly Peildatum,
    [property: JsonPropertyName("_links")] PaginaLinks Links);

public sealed record PaginaLinks(Link Self, Link? Next, Link? Prev);

/// <summary>Per provincie de omgevingsdienst die op de peildatum de Seveso-taken uitvoert.</summary>
public sealed record Overzicht(DateOnly Peildatum, IReadOnlyList<ProvincieSeveso> Provincies);

/// <summary>Een provincie en haar Seveso-omgevingsdienst (null als er op de peildatum geen is aangewezen).</summary>
public sealed record ProvincieSeveso(string Provincie, SevesoOd? Omgevingsdienst);

public sealed record SevesoOd(string Code, string Naam);

public sealed record FusieLijst(IReadOnlyList<FusieResource> Fusies);

/// <summary>The values of the <c>status</c> filter of <c>GET /omgevingsdiensten</c> (default: actief).</summary>
public static class StatusFilter
{
    public const string Actief = "actief";
    public const string Opgeheven = "opgeheven";
    public const string Toekomstig = "toekomstig";
    public const string Alle = "alle";
}
