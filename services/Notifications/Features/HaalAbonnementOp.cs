using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Features;

/// <summary>One subscription (with ETag), for its owner's role (and OD) and IenW; for anyone else it does not exist.</summary>
public static class HaalAbonnementOp
{
    public static async Task<Ok<AbonnementResource>> Endpoint(string id, [AsParameters] NotificatiesContext ctx)
    {
        var abonnement = await AbonnementId.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        ctx.Http.Response.SetETag(abonnement.Version);
        return TypedResults.Ok(AbonnementResource.Van(abonnement, ctx.Api));
    }
}

/// <summary>The caller's subscriptions (IenW: all), oldest first; deleted ones are not listed.</summary>
public static class ZoekAbonnementen
{
    public sealed record AbonnementenResource(IReadOnlyList<AbonnementResource> Abonnementen);

    public static async Task<Ok<AbonnementenResource>> Endpoint([AsParameters] NotificatiesContext ctx)
    {
        var gebruiker = ctx.Gebruiker;
        IQueryable<Abonnement> query = ctx.Session.Query<Abonnement>().Where(a => a.Status != AbonnementStatus.Verwijderd);
        if (gebruiker.Rol != Roles.Ienw)
        {
            var od = gebruiker.Od;
            query = query.Where(a => a.Rol == gebruiker.Rol && a.Od == od);
        }

        var lijst = await query.OrderBy(a => a.AangemaaktOp).ToListAsync(ctx.Ct);
        return TypedResults.Ok(new AbonnementenResource([.. lijst.Select(a => AbonnementResource.Van(a, ctx.Api))]));
    }
}
