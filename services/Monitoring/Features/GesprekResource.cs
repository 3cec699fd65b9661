using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring.Features;

public sealed record GesprekLinks(Link Self, Link? Escalatie);

/// <summary>Een gesprek: soort, datum, omgevingsdiensten en provincies, deelnemers, onderwerp, uitkomst (null = onbekend), eventueel de escalatiestap.</summary>
public sealed record GesprekResource(string Id, GesprekSoort Soort, DateOnly Datum, IReadOnlyList<string> Omgevingsdiensten,
    IReadOnlyList<string> Provincies, IReadOnlyList<string> Deelnemers, string? Onderwerp, string? Uitkomst, string? Escalatie,
    DateTimeOffset VastgelegdOp, [property: JsonPropertyName("_links")] GesprekLinks Links)
{
    public static GesprekResource Van(Gesprek g, string basePath) => new(g.Nummer, g.Soort, g.Datum, g.Omgevingsdiensten, g.Provincies,
        g.Deelnemers, g.Onderwerp, g.Uitkomst, g.Escalatie, g.VastgelegdOp.ToUniversalTime(),
        new GesprekLinks(new Link($"{basePath}/gesprekken/{g.Nummer}"), g.Escalatie is null ? null : new Link($"{basePath}/escalaties/{g.Escalatie}")));
}

/// <summary>Conversations, per OD (<c>omgevingsdienst</c>) or all; an OD's token sees those that name it.</summary>
public static class ZoekGesprekken
{
    public sealed record Gesprekken(IReadOnlyList<GesprekResource> Items);

    public static async Task<Ok<Gesprekken>> Endpoint([FromQuery] string? omgevingsdienst, [FromQuery] string? soort, [AsParameters] MonitoringContext ctx)
    {
        var code = BijsturingToegang.Filter(BijsturingToegang.Beperking(ctx.Lezer), omgevingsdienst);
        var gevraagd = Querywaarde.Lees<GesprekSoort>(soort, "soort");
        var query = ctx.Session.Query<Gesprek>().AsQueryable();
        if (code is not null)
        {
            query = query.Where(g => g.Omgevingsdiensten.Contains(code));
        }

        var gesprekken = await query.ToListAsync(ctx.Ct);
        return TypedResults.Ok(new Gesprekken([.. gesprekken.Where(g => gevraagd is null || g.Soort == gevraagd)
            .OrderBy(g => g.Datum).ThenBy(g => g.Nummer, StringComparer.Ordinal).Select(g => GesprekResource.Van(g, ctx.Api.BasePath))]));
    }
}

public static class HaalGesprekOp
{
    public static async Task<Ok<GesprekResource>> Endpoint(string id, [AsParameters] MonitoringContext ctx)
    {
        var beperking = BijsturingToegang.Beperking(ctx.Lezer);
        var gesprek = System.Text.RegularExpressions.Regex.IsMatch(id, Gesprek.IdPattern)
            ? await ctx.Session.Events.FetchLatest<Gesprek>(Gesprek.StreamKey(id), ctx.Ct)
            : null;
        if (gesprek is null || (beperking is not null && !gesprek.Omgevingsdiensten.Contains(beperking)))
        {
            throw DomainRuleException.NotFound($"Gesprek {(id.Length > 64 ? id[..64] : id)} bestaat niet.");
        }

        return TypedResults.Ok(GesprekResource.Van(gesprek, ctx.Api.BasePath));
    }
}
