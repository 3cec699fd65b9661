using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Dossiers;

namespace RobuustOD.Assessment.Features;

/// <summary>The published versions of an assessment: who set each, when, and why.</summary>
public static class ZoekVersies
{
    public sealed record VersieOverzicht(int Versie, string Door, DateTimeOffset Op, string? Reden);

    public sealed record Versies(string Id, IReadOnlyList<VersieOverzicht> Items);

    public static async Task<Ok<Versies>> Endpoint(string id, [AsParameters] BeoordelingContext ctx)
    {
        var (_, beoordeling) = await ctx.Session.ZichtbareBeoordelingAsync(ctx.User, id, ctx.Ct);
        return TypedResults.Ok(new Versies(id, [.. beoordeling.Versies.Select(v => new VersieOverzicht(v.Versie, v.Door, v.Op, v.Reden))]));
    }
}
