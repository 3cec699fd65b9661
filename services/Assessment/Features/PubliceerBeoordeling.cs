using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.EventStore;

namespace RobuustOD.Assessment.Features;

/// <summary>IenW publishes the draft as version 1: from then on the OD and the programme's partners see it.</summary>
public static class PubliceerBeoordeling
{
    public sealed record Opdracht(string Omgevingsdienst, string Ronde, Handeling Handeling, ExpectedVersion? Verwacht);

    /// <summary>A draft with a verdict becomes version 1, as it stands, recorded with who published it and when.</summary>
    public static IEnumerable<object> Beslis(Beoordelingsdossier? dossier, Opdracht o)
    {
        var concept = dossier.Concept(o.Omgevingsdienst, o.Ronde).Concept;
        if (concept.Oordeel is null)
        {
            throw DomainRuleException.Invalid("oordeel", "Een beoordeling zonder oordeel kan niet worden gepubliceerd.");
        }

        return [new BeoordelingGepubliceerd(o.Ronde, 1, concept, o.Handeling.Door, o.Handeling.Op)];
    }

    public static async Task<Beoordelingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        await session.DecideAsync<Beoordelingsdossier>(o.Omgevingsdienst, o.Verwacht, o.Handeling, d => Beslis(d, o), ct,
            versionOf: d => d?.VersieVan(o.Ronde) ?? 0);
        await session.SaveChangesAsync(ct);
        return (await session.DossierAsync(o.Omgevingsdienst, ct))!;
    }

    public static async Task<Ok<BeoordelingResource>> Endpoint(string id, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var beoordeling = (await Handle(new Opdracht(code, ronde, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct)).In(ronde)!;
        ctx.Http.Response.SetETag(beoordeling.AantalGebeurtenissen);
        return TypedResults.Ok(BeoordelingResource.Van(ctx.Api.BasePath, code, beoordeling, beoordeling.Huidige,
            await ctx.Session.TitelsAsync(ctx.Ct)));
    }
}
