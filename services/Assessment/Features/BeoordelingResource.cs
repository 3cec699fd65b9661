using RobuustOD.Contracts.Api;
using System.Text.Json.Serialization;
using RobuustOD.Assessment.Dossiers;

namespace RobuustOD.Assessment.Features;

// The assessment as every endpoint shows it; its links use Contracts' Link, the one link shape of the programme.

public sealed record BeoordelingLinks(Link Self, Link Brief, Link Versies, Link Historie);

/// <summary>One annex row, with the meaning of its codes spelled out.</summary>
public sealed record CriteriumRij(
    int Nummer,
    string? Titel,
    int CriteriumVersie,
    string? SpecifiekeVraag,
    string? Maatregel,
    string? Duiding,
    IReadOnlyList<string> Bronnen,
    int? StaatInPva,
    string StaatInPvaBetekenis,
    int? Haalbaarheid,
    string? HaalbaarheidKleur);

public sealed record BeoordelingResource(
    string Id,
    string Omgevingsdienst,
    string Ronde,
    BeoordelingStatus Status,
    int? Versie,
    Guid? PlanVanAanpak,
    Oordeel? Oordeel,
    string? OordeelOmschrijving,
    IReadOnlyList<string> Tekortkomingen,
    DateOnly? GesprekOp,
    string? Opmerkingen,
    string? Geadresseerde,
    IReadOnlyList<CriteriumRij> Criteria,
    string? VastgesteldDoor,
    DateTimeOffset? VastgesteldOp,
    string? Reden,
    [property: JsonPropertyName("_links")] BeoordelingLinks Links)
{
    /// <param name="basePath">The API's base path (<c>/beoordeling/v1</c>), from the injected descriptor.</param>
    /// <param name="versie">The published version to show; null shows the draft.</param>
    public static BeoordelingResource Van(string basePath, string code, Beoordeling b, BeoordelingVersie? versie,
        IReadOnlyDictionary<(int Nummer, int Versie), string> titels)
    {
        var inhoud = versie?.Inhoud ?? b.Concept;
        var self = $"{basePath}/beoordelingen/{BeoordelingId.Van(code, b.Ronde)}";
        return new BeoordelingResource(BeoordelingId.Van(code, b.Ronde), code, b.Ronde, b.Status, versie?.Versie, b.PlanId,
            inhoud.Oordeel, Betekenis.Van(inhoud.Oordeel), inhoud.Tekortkomingen, inhoud.GesprekOp, inhoud.Opmerkingen, inhoud.Geadresseerde,
            [.. inhoud.Criteria.Select(c => Rij(c, titels))], versie?.Door, versie?.Op, versie?.Reden,
            new BeoordelingLinks(new Link(versie is null ? self : $"{self}?versie={versie.Versie}"), new Link($"{self}/brief"),
                new Link($"{self}/versies"),
                new Link($"{basePath}/omgevingsdiensten/{code}/historie")));
    }

    public static CriteriumRij Rij(CriteriumScore c, IReadOnlyDictionary<(int Nummer, int Versie), string> titels) =>
        new(c.Nummer, titels.GetValueOrDefault((c.Nummer, c.CriteriumVersie)), c.CriteriumVersie, c.SpecifiekeVraag, c.Maatregel, c.Duiding,
            c.Bronnen, c.StaatInPva, Betekenis.StaatInPva(c.StaatInPva), c.Haalbaarheid, Betekenis.Kleur(c.Haalbaarheid));
}

/// <summary>The annex's codes in words.</summary>
public static class Betekenis
{
    public static string StaatInPva(int? code) => code switch
    {
        1 => "ontbreekt in het plan van aanpak",
        0 => "staat in het plan van aanpak",
        _ => "niet gescoord",
    };

    public static string? Kleur(int? haalbaarheid) => haalbaarheid switch
    {
        1 => "groen",
        2 => "oranje",
        3 => "rood",
        _ => null,
    };

    public static string? Van(Oordeel? oordeel) => oordeel switch
    {
        Oordeel.Robuust => "Robuust op 1 april 2026",
        Oordeel.NietRobuust => "Niet robuust op 1 april 2026",
        Oordeel.NietZelfstandigRobuust => "Niet (zelfstandig) robuust op 1 april 2026",
        _ => null,
    };
}
