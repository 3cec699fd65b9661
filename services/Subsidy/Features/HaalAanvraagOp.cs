using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.EventStore;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>One request, for its OD, its scheme's owner and IenW; for anyone else it does not exist (404).</summary>
public static class HaalAanvraagOp
{
    public static async Task<Aanvraag> ZichtbaarAsync(IDocumentSession session, Gebruiker gebruiker, string id, CancellationToken ct) =>
        gebruiker.AlsAanvrager(await session.Events.FetchLatest<Aanvraag>(Aanvraag.StreamKey(AanvraagId.Controleer(id)), ct), id);

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, [AsParameters] SubsidieContext ctx)
    {
        var aanvraag = await ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
