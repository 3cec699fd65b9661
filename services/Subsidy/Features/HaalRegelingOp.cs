using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

public static class HaalRegelingOp
{
    /// <summary>A scheme code that cannot exist is not found, before it reaches a stream key.</summary>
    public static string Controleer(string code) => Regex.IsMatch(code, Regeling.Pattern)
        ? code
        : throw DomainRuleException.NotFound("Deze regeling bestaat niet.");

    public static async Task<Ok<RegelingResource>> Endpoint(string code, [AsParameters] SubsidieContext ctx)
    {
        var regeling = await ctx.Session.Events.FetchLatest<Regeling>(Regeling.StreamKey(Controleer(code)), ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Regeling '{code}' bestaat niet.");
        var budget = await ctx.Session.Events.FetchLatest<Budget>(Budget.StreamKey(code), ctx.Ct);
        ctx.Http.Response.SetETag(regeling.Version);
        return TypedResults.Ok(RegelingResource.Van(regeling, budget, ctx.Api));
    }
}

public static class HaalRegelingenOp
{
    public static async Task<Ok<RegelingenResource>> Endpoint([AsParameters] SubsidieContext ctx)
    {
        var regelingen = await ctx.Session.Query<Regeling>().ToListAsync(ctx.Ct);
        var budgetten = (await ctx.Session.Query<Budget>().ToListAsync(ctx.Ct)).ToDictionary(b => b.Regeling);
        return TypedResults.Ok(new RegelingenResource([.. regelingen.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => RegelingResource.Van(r, budgetten.GetValueOrDefault(r.Code), ctx.Api))]));
    }
}
