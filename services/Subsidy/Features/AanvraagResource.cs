using System.Text.Json.Serialization;
using RobuustOD.Contracts.Api;
using RobuustOD.HttpDefaults;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

public sealed record PeriodeResource(DateOnly Van, DateOnly Tot);

/// <summary>Een activiteit met haar kosten; na het besluit het verleende bedrag, na de verantwoording de gerealiseerde kosten.</summary>
public sealed record ActiviteitResource(int Nummer, string Omschrijving, IReadOnlyList<int> Criteria, PeriodeResource Periode,
    IReadOnlyList<Kostenregel> Kostenregels, decimal AangevraagdBedrag, decimal? VerleendBedrag, decimal? GerealiseerdeKosten);

/// <summary>De beslistermijn: uiterlijk (null als de regeling geen termijn noemt), verlengd met elke dag van opschorting.</summary>
public sealed record BeslistermijnResource(DateOnly? Uiterlijk, bool Opgeschort, IReadOnlyList<Opschorting> Opschortingen);

public sealed record BesluitResource(Uitkomst Uitkomst, decimal Bedrag, string Motivering, string Door, string? TweedeBeoordelaar,
    DateTimeOffset Op, DateOnly? BezwaarUiterlijk);

public sealed record VoorstelResource(Uitkomst Uitkomst, decimal? Bedrag, string Motivering, string Door, DateTimeOffset Op);

public sealed record AanvraagLinks(Link Self, Link Regeling, Link? Beschikking);

/// <summary>Een subsidieaanvraag van concept tot vaststelling.</summary>
public sealed record AanvraagResource(
    string Id,
    string Regeling,
    int? RegelingVersie,
    string Omgevingsdienst,
    AanvraagStatus Status,
    IReadOnlyList<ActiviteitResource> Activiteiten,
    decimal AangevraagdBedrag,
    IReadOnlyList<Cofinanciering> Cofinanciering,
    IReadOnlyList<Documentverwijzing> Documenten,
    DateTimeOffset OpgesteldOp,
    DateTimeOffset? IngediendOp,
    BeslistermijnResource Beslistermijn,
    IReadOnlyList<Informatieverzoek> Informatieverzoeken,
    VoorstelResource? Voorstel,
    BesluitResource? Besluit,
    IReadOnlyList<Betaling> Betalingen,
    Verantwoording? Verantwoording,
    Vaststelling? Vaststelling,
    decimal? Terugvordering,
    Bezwaar? Bezwaar,
    long Versie,
    [property: JsonPropertyName("_links")] AanvraagLinks Links)
{
    public static AanvraagResource Van(Aanvraag a, DateOnly vandaag, ApiDescriptor api)
    {
        var self = $"{api.BasePath}/aanvragen/{a.AanvraagId}";
        return new(a.AanvraagId, a.Regeling, a.RegelingVersie, a.Omgevingsdienst, a.Status,
            [.. a.Activiteiten.Select((x, i) => new ActiviteitResource(i + 1, x.Omschrijving, x.Criteria, new PeriodeResource(x.PeriodeVan, x.PeriodeTot),
                x.Kostenregels, x.Bedrag, a.Besluit?.PerActiviteit is { Count: > 0 } per && i < per.Count ? per[i] : null,
                a.Verantwoording?.GerealiseerdPerActiviteit is { } gerealiseerd && i < gerealiseerd.Count ? gerealiseerd[i] : null))],
            a.AangevraagdBedrag, a.Cofinanciering, a.Documenten, a.OpgesteldOp, a.IngediendOp,
            new BeslistermijnResource(a.BeslistermijnUiterlijk(vandaag), a.IsOpgeschort, a.Opschortingen),
            a.Informatieverzoeken,
            a.Voorstel is { } v ? new VoorstelResource(v.Uitkomst, v.Bedrag, v.Motivering, v.Door, v.Op) : null,
            a.Besluit is { } b ? new BesluitResource(b.Uitkomst, b.Bedrag, b.Motivering, b.Door, b.TweedeBeoordelaar, b.Op, a.BezwaarUiterlijk) : null,
            a.Betalingen, a.Verantwoording, a.Vaststelling, a.Terugvordering, a.Bezwaar, a.Version,
            new AanvraagLinks(new Link(self), new Link($"{api.BasePath}/regelingen/{a.Regeling}"),
                a.Besluit is null ? null : new Link($"{self}/beschikking")));
    }
}
