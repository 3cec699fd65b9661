using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.EventStore;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>One OD as it stood on a peildatum (default: today), with its version as the ETag for If-Match.</summary>
public static class HaalOmgevingsdienstOp
{
    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, DateOnly? peildatum, [AsParameters] RegisterContext ctx,
        [FromServices] LatestSnapshots<Omgevingsdienst> snapshots)
    {
        // The snapshot from memory while nothing changed (see LatestSnapshots): no session, no query.
        var od = await snapshots.FetchLatestAsync(code, ctx.Ct) ?? throw await ctx.Session.NietGevondenAsync(code, ctx.Ct);
        return TypedResults.Ok(ctx.Http.Response.MetETag(od, peildatum ?? ctx.Vandaag, ctx.Api));
    }
}
