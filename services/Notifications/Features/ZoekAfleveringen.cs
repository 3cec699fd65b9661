using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.Notifications.Afleveringen;

namespace RobuustOD.Notifications.Features;

/// <summary>
/// A subscription's deliveries in the store's order, after a sequence number (<c>na</c>), by status (<c>mislukt</c>
/// shows what failed for good and stays listed), a page at a time with a link to the next.
/// </summary>
public static class ZoekAfleveringen
{
    public static readonly string[] Statussen = [Aflevering.Wachtend, Aflevering.Afgeleverd, Aflevering.Mislukt];

    public sealed record Parameters([FromQuery(Name = "status")] string? Status, [FromQuery(Name = "na")] long? Na,
        [FromQuery(Name = "paginaGrootte")] int? PaginaGrootte);

    public sealed class Validator : AbstractValidator<Parameters>
    {
        public Validator()
        {
            RuleFor(p => p.Status).Must(s => s is null || Statussen.Contains(s)).WithMessage($"'status' is een van: {string.Join(", ", Statussen)}.");
            RuleFor(p => p.Na).GreaterThanOrEqualTo(0);
            RuleFor(p => p.PaginaGrootte).InclusiveBetween(1, 500);
        }
    }

    public sealed record Links([property: System.Text.Json.Serialization.JsonPropertyName("next")] Link? Next);

    public sealed record AfleveringenResource(IReadOnlyList<AfleveringResource> Afleveringen,
        [property: System.Text.Json.Serialization.JsonPropertyName("_links")] Links Links);

    public static async Task<Ok<AfleveringenResource>> Endpoint(string id, [AsParameters] Parameters p, [AsParameters] NotificatiesContext ctx)
    {
        var abonnement = await AbonnementId.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        var grootte = p.PaginaGrootte ?? 100;
        var na = p.Na ?? 0;
        IQueryable<Aflevering> query = ctx.Session.Query<Aflevering>().Where(a => a.AbonnementId == abonnement.AbonnementId && a.Volgnummer > na);
        if (p.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        var lijst = await query.OrderBy(a => a.Volgnummer).Take(grootte).ToListAsync(ctx.Ct);
        var volgende = lijst.Count == grootte
            ? new Link($"{ctx.Api.BasePath}/abonnementen/{abonnement.AbonnementId}/afleveringen?na={lijst[^1].Volgnummer}&paginaGrootte={grootte}"
                + (p.Status is null ? "" : $"&status={p.Status}"))
            : null;
        return TypedResults.Ok(new AfleveringenResource([.. lijst.Select(a => AfleveringResource.Van(a, ctx.Api))], new Links(volgende)));
    }

    /// <summary>One delivery of the subscription, with its attempt log.</summary>
    public static async Task<Ok<AfleveringResource>> Een(string id, string afleveringId, [AsParameters] NotificatiesContext ctx) =>
        TypedResults.Ok(AfleveringResource.Van(await LaadAsync(ctx, id, afleveringId), ctx.Api));

    public static async Task<Aflevering> LaadAsync(NotificatiesContext ctx, string id, string afleveringId)
    {
        var abonnement = await AbonnementId.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        var aflevering = afleveringId.Length <= 60 ? await ctx.Session.LoadAsync<Aflevering>(afleveringId, ctx.Ct) : null;
        return aflevering is not null && aflevering.AbonnementId == abonnement.AbonnementId
            ? aflevering
            : throw DomainRuleException.NotFound("Deze aflevering bestaat niet bij dit abonnement.");
    }
}
