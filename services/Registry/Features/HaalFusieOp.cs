using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

public static class HaalFusieOp
{
    public static async Task<Ok<FusieResource>> Endpoint(string opvolger, [AsParameters] RegisterContext ctx) =>
        TypedResults.Ok(FusieResource.Van((await Fusies.DeelnemersAsync(ctx.Session, opvolger, ctx.Ct)).Fusie(), ctx.Api.BasePath));

    public static async Task<Ok<FusieLijst>> Lijst([AsParameters] RegisterContext ctx)
    {
        var metFusie = await ctx.Session.Query<Omgevingsdienst>().Where(o => o.Fusie != null).ToListAsync(ctx.Ct);
        var fusies = metFusie.Select(o => o.Fusie!).DistinctBy(f => (f.Opvolger, f.AangekondigdOp, f.Ingangsdatum))
            .OrderBy(f => f.Ingangsdatum).ThenBy(f => f.Opvolger, StringComparer.Ordinal)
            .Select(f => FusieResource.Van(f, ctx.Api.BasePath)).ToList();
        return TypedResults.Ok(new FusieLijst(fusies));
    }
}
