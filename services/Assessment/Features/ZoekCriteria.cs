using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;

namespace RobuustOD.Assessment.Features;

/// <summary>The criteria catalogue (public): the current version of every criterion.</summary>
public static class ZoekCriteria
{
    /// <summary>One version of a criterion as every catalogue endpoint shows it.</summary>
    public sealed record Criterium(int Nummer, int Versie, string Titel, string? Vraag, Drempel? Drempel, string? Bron,
        DateTimeOffset VastgesteldOp, string VastgesteldDoor)
    {
        public static Criterium Van(CriteriumVersie c) =>
            new(c.Nummer, c.Versie, c.Titel, c.Vraag, c.Drempel, c.Bron, c.VastgesteldOp, c.VastgesteldDoor);
    }

    public sealed record Catalogus(IReadOnlyList<Criterium> Criteria);

    public static async Task<Ok<Catalogus>> Endpoint([AsParameters] BeoordelingContext ctx) =>
        TypedResults.Ok(new Catalogus([.. (await ctx.Session.HuidigeAsync(ctx.Ct)).Values.OrderBy(c => c.Nummer).Select(Criterium.Van)]));
}
