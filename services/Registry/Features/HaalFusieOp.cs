using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>A merger, addressed by its opvolger's code: the latest announcement to that opvolger.</summary>
public static class HaalFusieOp
{
    public static async Task<Ok<FusieResource>> Endpoint(string opvolger, [AsParameters] RegisterContext ctx) =>
        TypedResults.Ok(FusieResource.Van((await Fusies.DeelnemersAsync(ctx.Session, opvolger, ctx.Ct)).Fusie(), ctx.Api.BasePath));
}
