using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Domain;
using RobuustOD.EventStore;

namespace RobuustOD.Assessment.Features;

/// <summary>One criterion with all its versions; the ETag is its current version number.</summary>
public static class HaalCriteriumOp
{
    public sealed record CriteriumMetVersies(ZoekCriteria.Criterium Huidig, IReadOnlyList<ZoekCriteria.Criterium> Versies);

    public static async Task<Ok<CriteriumMetVersies>> Endpoint(int nummer, [AsParameters] BeoordelingContext ctx)
    {
        var versies = await ctx.Session.VersiesAsync(nummer, ctx.Ct);
        if (versies.Count == 0)
        {
            throw DomainRuleException.NotFound($"Criterium {nummer} staat niet in de catalogus.");
        }

        ctx.Http.Response.SetETag(versies[^1].Versie);
        return TypedResults.Ok(new CriteriumMetVersies(ZoekCriteria.Criterium.Van(versies[^1]), [.. versies.Select(ZoekCriteria.Criterium.Van)]));
    }
}
