using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring.Features;

public sealed record BesluitLinks(Link Self, IReadOnlyList<Link> Escalaties);

/// <summary>Een besluit over maatregelen: wat, wanneer, door wie, voor welke omgevingsdiensten, en welke escalatiestappen het afrondde.</summary>
public sealed record BesluitResource(string Id, string Inhoud, DateOnly Datum, string GenomenDoor, IReadOnlyList<string> Omgevingsdiensten,
    IReadOnlyList<string> Escalaties, DateTimeOffset VastgelegdOp, [property: JsonPropertyName("_links")] BesluitLinks Links)
{
    public static BesluitResource Van(Besluit b, string basePath) => new(b.Nummer, b.Inhoud, b.Datum, b.GenomenDoor, b.Omgevingsdiensten,
        b.Escalaties, b.VastgelegdOp.ToUniversalTime(),
        new BesluitLinks(new Link($"{basePath}/besluiten/{b.Nummer}"), [.. b.Escalaties.Select(e => new Link($"{basePath}/escalaties/{e}"))]));
}

/// <summary>Decisions on measures, per OD (<c>omgevingsdienst</c>) or all; an OD's token sees those that name it.</summary>
public static class ZoekBesluiten
{
    public sealed record Besluiten(IReadOnlyList<BesluitResource> Items);

    public static async Task<Ok<Besluiten>> Endpoint([FromQuery] string? omgevingsdienst, [AsParameters] MonitoringContext ctx)
    {
        var code = BijsturingToegang.Filter(BijsturingToegang.Beperking(ctx.Lezer), omgevingsdienst);
        var query = ctx.Session.Query<Besluit>().AsQueryable();
        if (code is not null)
        {
            query = query.Where(b => b.Omgevingsdiensten.Contains(code));
        }

        var besluiten = await query.ToListAsync(ctx.Ct);
        return TypedResults.Ok(new Besluiten([.. besluiten.OrderBy(b => b.Datum).ThenBy(b => b.Nummer, StringComparer.Ordinal)
            .Select(b => BesluitResource.Van(b, ctx.Api.BasePath))]));
    }
}

public static class HaalBesluitOp
{
    public static async Task<Ok<BesluitResource>> Endpoint(string id, [AsParameters] MonitoringContext ctx)
    {
        var beperking = BijsturingToegang.Beperking(ctx.Lezer);
        var besluit = System.Text.RegularExpressions.Regex.IsMatch(id, Besluit.IdPattern)
            ? await ctx.Session.Events.FetchLatest<Besluit>(Besluit.StreamKey(id), ctx.Ct)
            : null;
        if (besluit is null || (beperking is not null && !besluit.Omgevingsdiensten.Contains(beperking)))
        {
            throw DomainRuleException.NotFound($"Besluit {(id.Length > 64 ? id[..64] : id)} bestaat niet.");
        }

        return TypedResults.Ok(BesluitResource.Van(besluit, ctx.Api.BasePath));
    }
}

/// <summary>The published final result: per OD whether it was robust on 1 April 2026, as IenW set it with the final report's judgement.</summary>
public static class ZoekEindresultaten
{
    public sealed record EindresultaatResource(string Omgevingsdienst, Eindresultaat RobuustOp1April2026, DateTimeOffset VastgelegdOp);

    public sealed record Eindresultaten(IReadOnlyList<EindresultaatResource> Items);

    public static async Task<Ok<Eindresultaten>> Endpoint([AsParameters] MonitoringContext ctx)
    {
        var dossiers = await ctx.Session.Query<Bijsturingsdossier>().Where(d => d.EindresultaatOp != null).ToListAsync(ctx.Ct);
        return TypedResults.Ok(new Eindresultaten([.. dossiers.Where(d => d.Eindresultaat is not null).OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new EindresultaatResource(d.Id, d.Eindresultaat!.Value, d.EindresultaatOp!.Value.ToUniversalTime()))]));
    }
}
