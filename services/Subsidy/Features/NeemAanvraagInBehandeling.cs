using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>The scheme's owner takes a submitted request into review.</summary>
public static class NeemAanvraagInBehandeling
{
    public sealed record Opdracht(string Id, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsBehandelaar(bestaand, o.Id);
        return aanvraag.Status switch
        {
            AanvraagStatus.InBehandeling => [],
            AanvraagStatus.Ingediend => [new AanvraagInBehandelingGenomen(o.Handeling.Op)],
            _ => throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' is {Status.Tekst(aanvraag.Status)} en kan niet in behandeling worden genomen."),
        };
    }

    public static async Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var key = Aanvraag.StreamKey(o.Id);
        await session.DecideAsync<Aanvraag>(key, o.Verwacht, o.Handeling, a => Beslis(a, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Aanvraag>(key, ct))!;
    }

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, [AsParameters] SubsidieContext ctx)
    {
        var aanvraag = await Handle(new Opdracht(AanvraagId.Controleer(id), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
