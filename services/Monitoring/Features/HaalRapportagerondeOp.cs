using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

public static class HaalRapportagerondeOp
{
    /// <summary>A round id that cannot exist is not found, before it reaches a stream key.</summary>
    public static string Controleer(string id) => Regex.IsMatch(id, Rapportageronde.Pattern)
        ? id
        : throw DomainRuleException.NotFound("Deze rapportageronde bestaat niet.");

    public static async Task<Ok<RondeResource>> Endpoint(string id, [AsParameters] MonitoringContext ctx)
    {
        var ronde = await ctx.Session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(Controleer(id)), ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Rapportageronde '{id}' bestaat niet.");
        ctx.Http.Response.SetETag(ronde.Version);
        return TypedResults.Ok(RondeResource.Van(ronde, ctx.Api));
    }
}

public static class HaalRapportagerondesOp
{
    public static async Task<Ok<RondesResource>> Endpoint([AsParameters] MonitoringContext ctx)
    {
        var rondes = await ctx.Session.Query<Rapportageronde>().ToListAsync(ctx.Ct);
        return TypedResults.Ok(new RondesResource([.. rondes
            .OrderBy(r => r.Soort).ThenBy(r => r.PeriodeVan ?? DateOnly.MaxValue).ThenBy(r => r.Ronde, StringComparer.Ordinal)
            .Select(r => RondeResource.Van(r, ctx.Api))]));
    }
}
