using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

public sealed record EscalatieLinks(Link Self, Link Oordeel, Link? Besluit);

/// <summary>
/// Een escalatiestap: geopend door een oordeel volgens een escalatieregel, gepland met een datum, afgerond (gehouden of
/// genomen) met uitkomst en vervolg, eventueel door een besluit.
/// </summary>
public sealed record EscalatieResource(string Id, string Omgevingsdienst, string Ronde, EscalatieStap Stap, EscalatieStatus Status,
    string Regel, int RegelsVersie, DateTimeOffset GeopendOp, DateOnly? GeplandOp, string? Planningstoelichting, DateOnly? AfgerondOp,
    string? Uitkomst, string? Vervolg, string? Besluit, [property: JsonPropertyName("_links")] EscalatieLinks Links)
{
    public static EscalatieResource Van(string code, Escalatie e, string basePath) => new(e.Id, code, e.Ronde, e.Stap, e.Status, e.Regel,
        e.RegelsVersie, e.GeopendOp.ToUniversalTime(), e.GeplandOp, e.Planningstoelichting, e.AfgerondOp, e.Uitkomst, e.Vervolg, e.Besluit,
        new EscalatieLinks(new Link($"{basePath}/escalaties/{e.Id}"),
            new Link($"{basePath}/voortgangsrapportages/{RapportageId.Van(code, e.Ronde)}/oordeel"),
            e.Besluit is null ? null : new Link($"{basePath}/besluiten/{e.Besluit}")));

    /// <summary>The step, or 404 (also for a step of another OD: an OD does not learn of another's escalation).</summary>
    public static async Task<(Bijsturingsdossier Dossier, Escalatie Escalatie)> VindAsync(IDocumentSession session, string id, string? beperking,
        CancellationToken ct)
    {
        var code = EscalatieId.Od(id);
        var dossier = beperking is null || beperking == code ? await session.Events.FetchLatest<Bijsturingsdossier>(code, ct) : null;
        return dossier?.Escalaties.GetValueOrDefault(id) is { } escalatie
            ? (dossier, escalatie)
            : throw DomainRuleException.NotFound($"Escalatie {id} bestaat niet.");
    }
}

/// <summary>Escalation steps per OD (<c>omgevingsdienst</c>) or nationally, filtered by <c>status</c>, <c>stap</c> and <c>ronde</c>.</summary>
public static class ZoekEscalaties
{
    public sealed record Escalaties(IReadOnlyList<EscalatieResource> Items);

    public static async Task<Ok<Escalaties>> Endpoint([FromQuery] string? omgevingsdienst, [FromQuery] string? status,
        [FromQuery] string? stap, [FromQuery] string? ronde, [AsParameters] MonitoringContext ctx)
    {
        var gevraagdeStatus = Querywaarde.Lees<EscalatieStatus>(status, "status");
        var gevraagdeStap = Querywaarde.Lees<EscalatieStap>(stap, "stap");
        var code = BijsturingToegang.Filter(BijsturingToegang.Beperking(ctx.Lezer), omgevingsdienst);
        var dossiers = code is null
            ? await ctx.Session.Query<Bijsturingsdossier>().ToListAsync(ctx.Ct)
            : [.. new[] { await ctx.Session.Events.FetchLatest<Bijsturingsdossier>(code, ctx.Ct) }.OfType<Bijsturingsdossier>()];
        var items = dossiers
            .SelectMany(d => d.Escalaties.Values.Select(e => (d.Id, e)))
            .Where(x => (gevraagdeStatus is null || x.e.Status == gevraagdeStatus) && (gevraagdeStap is null || x.e.Stap == gevraagdeStap) && (ronde is null || x.e.Ronde == ronde))
            .OrderBy(x => x.e.GeopendOp).ThenBy(x => x.e.Id, StringComparer.Ordinal)
            .Select(x => EscalatieResource.Van(x.Id, x.e, ctx.Api.BasePath))
            .ToList();
        return TypedResults.Ok(new Escalaties(items));
    }
}

public static class HaalEscalatieOp
{
    public static async Task<Ok<EscalatieResource>> Endpoint(string id, [AsParameters] MonitoringContext ctx)
    {
        var (dossier, escalatie) = await EscalatieResource.VindAsync(ctx.Session, id, BijsturingToegang.Beperking(ctx.Lezer), ctx.Ct);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(EscalatieResource.Van(dossier.Id, escalatie, ctx.Api.BasePath));
    }
}
