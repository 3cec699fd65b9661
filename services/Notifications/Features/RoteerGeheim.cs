using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Features;

/// <summary>
/// A new signing secret, shown once. The previous one stays valid for the grace period (<c>gracePeriodeMinuten</c>,
/// default <c>Notificaties:RotatieGracePeriode</c>): meanwhile every delivery carries both signatures, so the subscriber
/// can switch over without losing one.
/// </summary>
public static class RoteerGeheim
{
    public sealed record Verzoek(int? GracePeriodeMinuten);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.GracePeriodeMinuten).InclusiveBetween(0, 7 * 24 * 60);
    }

    public sealed record Opdracht(string Id, TimeSpan GracePeriode, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Abonnement? abonnement, Opdracht o)
    {
        o.Gebruiker.Zichtbaar(abonnement, o.Id);
        return [new GeheimGeroteerd(o.Handeling.Op + o.GracePeriode, o.Handeling.Op)];
    }

    public sealed record GeroteerdResource(string Geheim, DateTimeOffset VorigGeldigTot);

    public static async Task<Ok<GeroteerdResource>> Endpoint(string id, Verzoek? verzoek, [Microsoft.AspNetCore.Mvc.FromServices] Microsoft.Extensions.Options.IOptions<NotificatieOptions> opties,
        [AsParameters] NotificatiesContext ctx)
    {
        var grace = verzoek?.GracePeriodeMinuten is { } minuten ? TimeSpan.FromMinutes(minuten) : opties.Value.RotatieGracePeriode;
        var o = new Opdracht(AbonnementId.Controleer(id), grace, ctx.Gebruiker, ctx.Handeling, ctx.Verwacht);
        await ctx.Session.DecideAsync<Abonnement>(Abonnement.StreamKey(o.Id), o.Verwacht, o.Handeling, a => Beslis(a, o), ctx.Ct);
        var geheim = await ctx.Session.LoadAsync<Abonnementsgeheim>(o.Id, ctx.Ct) ?? throw DomainRuleException.NotFound($"Abonnement '{id}' bestaat niet.");
        geheim.Vorig = geheim.Huidig;
        geheim.VorigGeldigTot = o.Handeling.Op + grace;
        geheim.Huidig = Abonnementsgeheim.Nieuw();
        ctx.Session.Store(geheim);
        await ctx.Session.SaveChangesAsync(ctx.Ct);
        return TypedResults.Ok(new GeroteerdResource(geheim.Huidig, geheim.VorigGeldigTot.Value));
    }
}
