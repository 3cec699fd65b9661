using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Features;

/// <summary>Pause a subscription: its deliveries are kept waiting (nothing is lost) until it is resumed. Pausing again changes nothing.</summary>
public static class PauzeerAbonnement
{
    public sealed record Opdracht(string Id, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Abonnement? abonnement, Opdracht o) => o.Gebruiker.Zichtbaar(abonnement, o.Id).Status switch
    {
        AbonnementStatus.Gepauzeerd => [],
        AbonnementStatus.Actief => [new AbonnementGepauzeerd(o.Handeling.Op)],
        var status => throw DomainRuleException.Conflict($"Het abonnement is {status.ToString().ToLowerInvariant()}: hervat het eerst."),
    };

    public static Task<Ok<AbonnementResource>> Endpoint(string id, [AsParameters] NotificatiesContext ctx) =>
        Levenscyclus.SchrijfAsync(id, ctx, o => Beslis(o.Abonnement, new Opdracht(o.Id, ctx.Gebruiker, ctx.Handeling, ctx.Verwacht)));
}

/// <summary>
/// Resume a paused, suspended or disabled subscription (its waiting deliveries go out, in order), or clear the mark a
/// failed delivery set on an active one. An active, unmarked subscription is left as it is.
/// </summary>
public static class HervatAbonnement
{
    public sealed record Opdracht(string Id, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Abonnement? abonnement, Opdracht o)
    {
        var a = o.Gebruiker.Zichtbaar(abonnement, o.Id);
        return a.Status == AbonnementStatus.Actief && a.LaatsteMislukking is null ? [] : [new AbonnementHervat(o.Handeling.Op)];
    }

    public static Task<Ok<AbonnementResource>> Endpoint(string id, [AsParameters] NotificatiesContext ctx) =>
        Levenscyclus.SchrijfAsync(id, ctx, o => Beslis(o.Abonnement, new Opdracht(o.Id, ctx.Gebruiker, ctx.Handeling, ctx.Verwacht)));
}

/// <summary>Delete a subscription: no new deliveries; what was delivered or failed stays in the store (the history keeps the stream).</summary>
public static class VerwijderAbonnement
{
    public sealed record Opdracht(string Id, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Abonnement? abonnement, Opdracht o)
    {
        o.Gebruiker.Zichtbaar(abonnement, o.Id);
        return [new AbonnementVerwijderd(o.Handeling.Op)];
    }

    public static async Task<NoContent> Endpoint(string id, [AsParameters] NotificatiesContext ctx)
    {
        var opdracht = new Opdracht(AbonnementId.Controleer(id), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht);
        await ctx.Session.DecideAsync<Abonnement>(Abonnement.StreamKey(opdracht.Id), opdracht.Verwacht, opdracht.Handeling, a => Beslis(a, opdracht), ctx.Ct);
        await ctx.Session.SaveChangesAsync(ctx.Ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The shared write of the lifecycle commands: decide on the stream (If-Match), save once, answer the subscription.</summary>
public static class Levenscyclus
{
    public sealed record Invoer(string Id, Abonnement? Abonnement);

    public static async Task<Ok<AbonnementResource>> SchrijfAsync(string id, NotificatiesContext ctx, Func<Invoer, IEnumerable<object>> beslis)
    {
        var key = Abonnement.StreamKey(AbonnementId.Controleer(id));
        await ctx.Session.DecideAsync<Abonnement>(key, ctx.Verwacht, ctx.Handeling, a => beslis(new Invoer(id, a)), ctx.Ct);
        await ctx.Session.SaveChangesAsync(ctx.Ct);
        var abonnement = (await ctx.Session.Events.FetchLatest<Abonnement>(key, ctx.Ct))!;
        ctx.Http.Response.SetETag(abonnement.Version);
        return TypedResults.Ok(AbonnementResource.Van(abonnement, ctx.Api));
    }
}
