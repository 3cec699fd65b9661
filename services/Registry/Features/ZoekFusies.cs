using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>Every merger the register knows, announced, completed or cancelled, in order of ingangsdatum.</summary>
public static class ZoekFusies
{
    public static async Task<Ok<FusieLijst>> Endpoint([AsParameters] RegisterContext ctx)
    {
        var metFusie = await ctx.Session.Query<Omgevingsdienst>().Where(o => o.Fusie != null).ToListAsync(ctx.Ct);
        // Each deelnemer carries the merger: one entry per announcement.
        var fusies = metFusie.Select(o => o.Fusie!).DistinctBy(f => (f.Opvolger, f.AangekondigdOp, f.Ingangsdatum))
            .OrderBy(f => f.Ingangsdatum).ThenBy(f => f.Opvolger, StringComparer.Ordinal)
            .Select(f => FusieResource.Van(f, ctx.Api.BasePath)).ToList();
        return TypedResults.Ok(new FusieLijst(fusies));
    }
}
