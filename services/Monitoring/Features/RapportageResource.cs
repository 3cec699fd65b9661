using Marten;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Nulmetingen;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

public sealed record KerngetalWaarde(string Code, string Naam, Eenheid Eenheid, decimal? Waarde);

public sealed record RapportageLinks(Link Self, Link Ronde, Link Format, Link Versies);

/// <summary>Een verzuim: de termijn verstreek zonder ingediende rapportage (opgeheven als de termijn is verschoven).</summary>
public sealed record VerzuimResource(DateOnly IndienenUiterlijk, DateTimeOffset VastgesteldOp, DateTimeOffset? OpgehevenOp, string? Reden)
{
    public static VerzuimResource? Van(Verzuim? v) => v is null ? null
        : new(v.IndienenUiterlijk, v.VastgesteldOp.ToUniversalTime(), v.OpgehevenOp?.ToUniversalTime(), v.Reden);
}

/// <summary>
/// Een voortgangsrapportage: wat de OD per criterium en in kerngetallen rapporteert, de automatische beoordeling van de
/// meetbare criteria tegen de drempels uit de criteriacatalogus (een concept tegen de catalogus zoals die nu is, een
/// ingediende rapportage tegen de drempels van het moment van indienen: <c>drempelbron</c>), tijdig of te laat tegen de
/// uiterste indieningsdatum zoals die nu is, en per criterium de kleur van de beoordeling, de vorige rapportage en deze
/// met de trend. <c>rapportageversie</c> is de versie van de inhoud (1 = de indiening, daarna elke correctie).
/// </summary>
public sealed record RapportageResource(string Id, string Omgevingsdienst, string Ronde, int FormatVersie, string Status,
    DateTimeOffset? IngediendOp, string? Toelichting, Tijdigheid Tijdigheid, VerzuimResource? Verzuim, int? Rapportageversie,
    string Drempelbron, IReadOnlyList<KerngetalWaarde> Kerngetallen, IReadOnlyList<CriteriumRapportage> Criteria,
    IReadOnlyList<CriteriumEvaluatie> Evaluatie, IReadOnlyList<CriteriumTrend> Trend, long Versie,
    [property: System.Text.Json.Serialization.JsonPropertyName("_links")] RapportageLinks Links)
{
    public static RapportageResource Van(Monitoringdossier dossier, string ronde, Rapportagegegevens g, DateOnly vandaag, ApiDescriptor api,
        int? versie = null)
    {
        var r = dossier.Rapportage(ronde)!;
        var inhoud = versie is { } n ? r.Versie(n)!.Inhoud : r.Inhoud;
        var format = g.Format?.Versie(r.FormatVersie);
        var rondeInfo = g.Rondes.FirstOrDefault(x => x.Ronde == ronde);
        var kerngetallen = format is null
            ? [.. inhoud.Kerngetallen.Select(k => new KerngetalWaarde(k.Key, k.Key, Eenheid.Aantal, k.Value))]
            : format.Kerngetallen.Select(k => new KerngetalWaarde(k.Code, k.Naam, k.Eenheid, inhoud.Kerngetallen.GetValueOrDefault(k.Code))).ToList();
        var evaluatie = g.Evaluatie(r, inhoud);
        var vorige = g.Vorige(dossier, ronde);
        var trend = format is null ? [] : Rapportages.Trend.Bepaal(format.Criteria.Select(c => c.Nummer), inhoud, evaluatie,
            vorige is { } v ? (v.Ronde, v.Rapportage.Inhoud, g.Evaluatie(v.Rapportage, v.Rapportage.Inhoud)) : null,
            nummer => g.Nulmeting?.Kleur(nummer));
        var id = RapportageId.Van(dossier.Id, ronde);
        return new(id, dossier.Id, ronde, r.FormatVersie, r.Ingediend ? "ingediend" : "concept",
            r.IngediendOp?.ToUniversalTime(), inhoud.Toelichting,
            Tijdigheid.Bepaal(rondeInfo?.IndienenUiterlijk, r.IngediendOp is { } op ? Kalender.Datum(op) : null, vandaag),
            VerzuimResource.Van(dossier.VerzuimVan(ronde)), versie ?? (r.Versies.Count == 0 ? null : r.Versies.Count),
            r.Drempels is null ? "catalogus" : "indiening",
            kerngetallen, inhoud.Criteria, evaluatie, trend, dossier.Version,
            new RapportageLinks(new Link($"{api.BasePath}/voortgangsrapportages/{id}"),
                new Link($"{api.BasePath}/rapportagerondes/{ronde}"), new Link($"{api.BasePath}/rapportageformat/versies/{r.FormatVersie}"),
                new Link($"{api.BasePath}/voortgangsrapportages/{id}/versies")));
    }

    public static async Task<RapportageResource> LaadAsync(Monitoringdossier dossier, string ronde, MonitoringContext ctx, int? versie = null) =>
        Van(dossier, ronde, await Rapportagegegevens.LaadAsync(ctx.Session, dossier.Id, ctx.Ct), ctx.Vandaag, ctx.Api, versie);
}

/// <summary>What a report's view needs besides the OD's dossier: the format, the rounds, the catalogue, the baseline.</summary>
public sealed record Rapportagegegevens(Rapportageformat? Format, IReadOnlyList<Rapportageronde> Rondes,
    IReadOnlyDictionary<int, CriteriumUitCatalogus> Catalogus, Nulmeting? Nulmeting)
{
    public static async Task<Rapportagegegevens> LaadAsync(IDocumentSession session, string code, CancellationToken ct) => new(
        await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct),
        Volgorde(await session.Query<Rapportageronde>().ToListAsync(ct)),
        await session.CatalogusAsync(ct),
        await NulmetingVolgen.VanAsync(session, code, ct));

    /// <summary>The rounds in their order: progress rounds before the final one, by period, then by id.</summary>
    public static IReadOnlyList<Rapportageronde> Volgorde(IEnumerable<Rapportageronde> rondes) =>
        [.. rondes.OrderBy(r => r.Soort).ThenBy(r => r.PeriodeVan ?? DateOnly.MaxValue).ThenBy(r => r.Ronde, StringComparer.Ordinal)];

    /// <summary>The thresholds of a report: frozen at submission, else the catalogue's as it is now.</summary>
    public Drempelset Drempels(Voortgangsrapportage r) =>
        r.Drempels ?? (Format?.Versie(r.FormatVersie) is { } f ? Drempelset.Uit(f, Catalogus) : new Drempelset([], []));

    public IReadOnlyList<CriteriumEvaluatie> Evaluatie(Voortgangsrapportage r, RapportageInhoud inhoud) =>
        Format?.Versie(r.FormatVersie) is { } f ? RobuustOD.Monitoring.Format.Evaluatie.Van(f, Drempels(r), inhoud.Kerngetallen) : [];

    /// <summary>The OD's submitted report of the latest round before <paramref name="ronde"/>, if any.</summary>
    public (string Ronde, Voortgangsrapportage Rapportage)? Vorige(Monitoringdossier dossier, string ronde)
    {
        var index = Rondes.ToList().FindIndex(r => r.Ronde == ronde);
        for (var i = index - 1; i >= 0; i--)
        {
            if (dossier.Rapportage(Rondes[i].Ronde) is { Ingediend: true } vorige)
            {
                return (Rondes[i].Ronde, vorige);
            }
        }

        return null;
    }
}
