using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>One OD as it stood on a peildatum (default: today), with its version as the ETag for If-Match.</summary>
public static class HaalOmgevingsdienstOp
{
    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, DateOnly? peildatum, [AsParameters] RegisterContext ctx)
    {
        var od = await ctx.Session.HaalOpAsync(code, ctx.Ct);
        return TypedResults.Ok(ctx.Http.Response.MetETag(od, peildatum ?? ctx.Vandaag, ctx.Api));
    }
}
