using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// Four eyes: a second person of the owner's role, not the one who proposed it, confirms a proposed decision; only then
/// is it taken (and the grant committed against the ceiling).
/// </summary>
public static class BekrachtigBesluit
{
    public sealed record Opdracht(string Id, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsBehandelaar(bestaand, o.Id);
        if (aanvraag is not { Status: AanvraagStatus.BesluitVoorgesteld, Voorstel: { } voorstel })
        {
            throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' heeft geen voorgesteld besluit om te bekrachtigen.");
        }

        if (voorstel.Door == o.Handeling.Door)
        {
            throw DomainRuleException.Conflict(
                $"Het besluit is voorgesteld door {voorstel.Door}; het vier-ogenprincipe vraagt een tweede, andere behandelaar.");
        }

        return voorstel.Uitkomst == Uitkomst.Geweigerd
            ? [new AanvraagGeweigerd(voorstel.Motivering, voorstel.Door, o.Handeling.Door, o.Handeling.Op)]
            : NeemBesluit.Verlening(aanvraag, voorstel.Bedrag!.Value, voorstel.PerActiviteit, voorstel.Motivering, voorstel.Door,
                o.Handeling.Door, o.Handeling.Op);
    }

    public static Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct) =>
        Budgetboeking.BeslisAsync(session, o.Id, o.Handeling, o.Verwacht, a => Beslis(a, o), ct);

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, [AsParameters] SubsidieContext ctx)
    {
        var aanvraag = await Handle(new Opdracht(AanvraagId.Controleer(id), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
