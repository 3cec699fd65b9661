using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Dossiers;

namespace RobuustOD.Assessment.Features;

/// <summary>What changed, field by field, between two published versions of an assessment.</summary>
public static class HaalVerschilOp
{
    public sealed record VerschilResource(string Id, int Van, int Naar, Verschil Verschil);

    public static async Task<Ok<VerschilResource>> Endpoint(string id, [FromQuery] int van, [FromQuery] int naar, [AsParameters] BeoordelingContext ctx)
    {
        var (_, beoordeling) = await ctx.Session.ZichtbareBeoordelingAsync(ctx.User, id, ctx.Ct);
        var verschil = Verschil.Tussen(beoordeling.Versie(id, van).Inhoud, beoordeling.Versie(id, naar).Inhoud);
        return TypedResults.Ok(new VerschilResource(id, van, naar, verschil));
    }
}
