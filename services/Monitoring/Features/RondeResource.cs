using RobuustOD.Contracts.Api;
using RobuustOD.HttpDefaults;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

/// <summary>Een rapportageperiode; van of tot is null zolang niet bekend.</summary>
public sealed record Periode(DateOnly? Van, DateOnly? Tot);

public sealed record RondeLinks(Link Self, Link Format);

/// <summary>Een rapportageronde: de periode, de uiterste indieningsdatum (null: onbekend of nog niet vastgesteld) en de formatversie.</summary>
public sealed record RondeResource(string Id, RondeSoort Soort, string Naam, Periode Periode, DateOnly? IndienenUiterlijk,
    int FormatVersie, long Versie, [property: System.Text.Json.Serialization.JsonPropertyName("_links")] RondeLinks Links)
{
    public static RondeResource Van(Rapportageronde r, ApiDescriptor api) => new(r.Ronde, r.Soort, r.Naam,
        new Periode(r.PeriodeVan, r.PeriodeTot), r.IndienenUiterlijk, r.FormatVersie, r.Version,
        new RondeLinks(new Link($"{api.BasePath}/rapportagerondes/{r.Ronde}"),
            new Link($"{api.BasePath}/rapportageformat/versies/{r.FormatVersie}")));
}

/// <summary>Alle rapportagerondes: eerst de voortgangsrondes, dan de eindrapportage.</summary>
public sealed record RondesResource(IReadOnlyList<RondeResource> Rapportagerondes);
