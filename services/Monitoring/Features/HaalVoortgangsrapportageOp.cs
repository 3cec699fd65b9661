using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

public sealed record KerngetalWaarde(string Code, string Naam, Eenheid Eenheid, decimal? Waarde);

public sealed record RapportageLinks(Link Self, Link Ronde, Link Format);

/// <summary>
/// Een voortgangsrapportage: wat de OD per criterium en in kerngetallen rapporteert, de automatische beoordeling van de
/// meetbare criteria (groen, rood, of nietTeBeoordelen bij een ontbrekend kerngetal) en tijdig of te laat tegen de
/// uiterste indieningsdatum van de ronde zoals die nu is.
/// </summary>
public sealed record RapportageResource(string Id, string Omgevingsdienst, string Ronde, int FormatVersie, string Status,
    DateTimeOffset? IngediendOp, string? Toelichting, Tijdigheid Tijdigheid, IReadOnlyList<KerngetalWaarde> Kerngetallen,
    IReadOnlyList<CriteriumRapportage> Criteria, IReadOnlyList<CriteriumEvaluatie> Evaluatie, long Versie, [property: System.Text.Json.Serialization.JsonPropertyName("_links")] RapportageLinks Links)
{
    public static RapportageResource Van(Monitoringdossier dossier, string ronde, FormatVersie? format, Rapportageronde? rondeInfo,
        DateOnly vandaag, HttpDefaults.ApiDescriptor api)
    {
        var r = dossier.Rapportage(ronde)!;
        var kerngetallen = format is null
            ? [.. r.Kerngetallen.Select(k => new KerngetalWaarde(k.Key, k.Key, Eenheid.Aantal, k.Value))]
            : format.Kerngetallen.Select(k => new KerngetalWaarde(k.Code, k.Naam, k.Eenheid, r.Kerngetallen.GetValueOrDefault(k.Code))).ToList();
        return new(RapportageId.Van(dossier.Id, ronde), dossier.Id, ronde, r.FormatVersie, r.Ingediend ? "ingediend" : "concept",
            r.IngediendOp?.ToUniversalTime(), r.Toelichting,
            Tijdigheid.Bepaal(rondeInfo?.IndienenUiterlijk, r.IngediendOp is { } op ? Kalender.Datum(op) : null, vandaag),
            kerngetallen, [.. r.Criteria.Values.OrderBy(c => c.Nummer)],
            format is null ? [] : RobuustOD.Monitoring.Format.Evaluatie.Van(format, r.Kerngetallen), dossier.Version,
            new RapportageLinks(new Link($"{api.BasePath}/voortgangsrapportages/{RapportageId.Van(dossier.Id, ronde)}"),
                new Link($"{api.BasePath}/rapportagerondes/{ronde}"), new Link($"{api.BasePath}/rapportageformat/versies/{r.FormatVersie}")));
    }

    public static async Task<RapportageResource> LaadAsync(Monitoringdossier dossier, string ronde, MonitoringContext ctx)
    {
        var format = await ctx.Session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ctx.Ct);
        var rondeInfo = await ctx.Session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(ronde), ctx.Ct);
        return Van(dossier, ronde, format?.Versie(dossier.Rapportage(ronde)!.FormatVersie), rondeInfo, ctx.Vandaag, ctx.Api);
    }
}

public static class HaalVoortgangsrapportageOp
{
    /// <summary>A report the caller may not read is not found (an OD never learns of another's draft).</summary>
    public static async Task<Ok<RapportageResource>> Endpoint(string id, [AsParameters] MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var dossier = await ctx.Session.Events.FetchLatest<Monitoringdossier>(code, ctx.Ct);
        if (dossier?.Rapportage(ronde) is not { } rapportage || !Toegang.MagLezen(ctx.Lezer, code, rapportage))
        {
            throw DomainRuleException.NotFound($"Voortgangsrapportage {id} bestaat niet.");
        }

        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(await RapportageResource.LaadAsync(dossier, ronde, ctx));
    }
}
