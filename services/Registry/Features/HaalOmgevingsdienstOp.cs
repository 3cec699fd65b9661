using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.EventStore;

namespace RobuustOD.Registry.Features;

public static class HaalOmgevingsdienstOp
{
    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, DateOnly? peildatum, [AsParameters] RegisterContext ctx)
    {
        var od = await ctx.Session.HaalOpAsync(code, ctx.Ct);
        ctx.Http.Response.SetETag(od.Version);
        return TypedResults.Ok(ctx.Resource(od, peildatum));
    }
}
