using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.EventStore;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// One assessment: its current version (the draft before publication), or an earlier one with <c>?versie=</c>. The ETag
/// is the assessment's own version, which the other rounds and the plans in the same dossier do not move.
/// </summary>
public static class HaalBeoordelingOp
{
    public static async Task<Ok<BeoordelingResource>> Endpoint(string id, [FromQuery] int? versie, [AsParameters] BeoordelingContext ctx,
        [FromServices] LatestSnapshots<Beoordelingsdossier> snapshots, [FromServices] CriteriumTitels titels)
    {
        var (dossier, beoordeling) = await snapshots.ZichtbareBeoordelingAsync(ctx.User, id, ctx.Ct);
        var gekozen = versie is null ? beoordeling.Huidige : beoordeling.Versie(id, versie.Value);
        ctx.Http.Response.SetETag(beoordeling.AantalGebeurtenissen);
        var rijen = (gekozen?.Inhoud ?? beoordeling.Concept).Criteria.Select(c => (c.Nummer, c.CriteriumVersie));
        return TypedResults.Ok(BeoordelingResource.Van(ctx.Api.BasePath, dossier.Id, beoordeling, gekozen,
            await titels.VoorAsync(rijen, ctx.Ct)));
    }
}
