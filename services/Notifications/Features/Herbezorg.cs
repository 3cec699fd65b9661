using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Notifications.Afleveringen;

namespace RobuustOD.Notifications.Features;

/// <summary>
/// Replay, per subscription only: one delivery; every delivery that failed for good since a time; every delivery after a
/// sequence number, whatever its status. Each goes back in the queue with its retry schedule from the start and its log
/// kept; the dispatcher sends them in the store's order per subject, with the same <c>webhook-id</c> as before.
/// </summary>
public static class Herbezorg
{
    public sealed record MisluktVerzoek(DateTimeOffset? Sinds);

    public sealed class MisluktValidator : AbstractValidator<MisluktVerzoek>
    {
        public MisluktValidator() => RuleFor(v => v.Sinds).NotNull();
    }

    public sealed record VanafVerzoek(long? Na);

    public sealed class VanafValidator : AbstractValidator<VanafVerzoek>
    {
        public VanafValidator() => RuleFor(v => v.Na).NotNull().GreaterThanOrEqualTo(0);
    }

    public sealed record HerbezorgingResource(int Aantal);

    /// <summary>The deliveries back in the queue from <paramref name="nu"/> (pure on the loaded documents).</summary>
    public static IReadOnlyList<Aflevering> Beslis(IEnumerable<Aflevering> afleveringen, DateTimeOffset nu)
    {
        var lijst = afleveringen.ToList();
        lijst.ForEach(a => a.Herbezorg(nu));
        return lijst;
    }

    public static async Task<Ok<AfleveringResource>> Een(string id, string afleveringId, [AsParameters] NotificatiesContext ctx)
    {
        var aflevering = await ZoekAfleveringen.LaadAsync(ctx, id, afleveringId);
        ctx.Session.Store(Beslis([aflevering], ctx.Nu).ToArray());
        await ctx.Session.SaveChangesAsync(ctx.Ct);
        return TypedResults.Ok(AfleveringResource.Van(aflevering, ctx.Api));
    }

    public static async Task<Ok<HerbezorgingResource>> Mislukt(string id, MisluktVerzoek verzoek, [AsParameters] NotificatiesContext ctx)
    {
        var abonnement = await AbonnementId.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        var sinds = verzoek.Sinds!.Value;
        var mislukt = await ctx.Session.Query<Aflevering>()
            .Where(a => a.AbonnementId == abonnement.AbonnementId && a.Status == Aflevering.Mislukt && a.MisluktOp >= sinds).ToListAsync(ctx.Ct);
        return await BewaarAsync(ctx, mislukt);
    }

    public static async Task<Ok<HerbezorgingResource>> Vanaf(string id, VanafVerzoek verzoek, [AsParameters] NotificatiesContext ctx)
    {
        var abonnement = await AbonnementId.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        var na = verzoek.Na!.Value;
        var alle = await ctx.Session.Query<Aflevering>().Where(a => a.AbonnementId == abonnement.AbonnementId && a.Volgnummer > na).ToListAsync(ctx.Ct);
        return await BewaarAsync(ctx, alle);
    }

    private static async Task<Ok<HerbezorgingResource>> BewaarAsync(NotificatiesContext ctx, IEnumerable<Aflevering> afleveringen)
    {
        var herbezorgd = Beslis(afleveringen, ctx.Nu);
        if (herbezorgd.Count > 0)
        {
            ctx.Session.Store(herbezorgd.ToArray());
            await ctx.Session.SaveChangesAsync(ctx.Ct);
        }

        return TypedResults.Ok(new HerbezorgingResource(herbezorgd.Count));
    }
}
