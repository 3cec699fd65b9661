using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;

namespace RobuustOD.Assessment.Features;

/// <summary>Assessments by OD and round, each as its current version (or its draft); drafts only for IenW and the assessor.</summary>
public static class ZoekBeoordelingen
{
    public sealed record Beoordelingen(IReadOnlyList<BeoordelingResource> Items);

    public static async Task<Ok<Beoordelingen>> Endpoint([FromQuery] string? omgevingsdienst, [FromQuery] string? ronde,
        [AsParameters] BeoordelingContext ctx)
    {
        if (omgevingsdienst is not null)
        {
            OdCode.Controleer(omgevingsdienst, "omgevingsdienst");
        }

        var dossiers = omgevingsdienst is null
            ? await ctx.Session.Query<Beoordelingsdossier>().ToListAsync(ctx.Ct)
            : [.. new[] { await ctx.Session.DossierAsync(omgevingsdienst, ctx.Ct) }.OfType<Beoordelingsdossier>()];
        var titels = await ctx.Session.TitelsAsync(ctx.Ct);
        var gevonden = dossiers
            .SelectMany(d => d.Beoordelingen.Values.Select(b => (d.Id, b)))
            .Where(x => (ronde is null || x.b.Ronde == ronde) && ctx.User.MagZien(x.Id, x.b))
            .OrderBy(x => x.Id, StringComparer.Ordinal).ThenBy(x => x.b.Ronde, StringComparer.Ordinal)
            .Select(x => BeoordelingResource.Van(ctx.Api.BasePath, x.Id, x.b, x.b.Huidige, titels))
            .ToList();
        return TypedResults.Ok(new Beoordelingen(gevonden));
    }
}
