using System.Text.Json;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts.Api;
using RobuustOD.Notifications.Afleveringen;
using Gebeurtenis = RobuustOD.Notifications.Afleveringen.Gebeurtenis;

namespace RobuustOD.Notifications.Features;

/// <summary>
/// The pull fallback for a subscriber that was away: what the subscription would have received after sequence number
/// <c>na</c>, in the store's order, as the CloudEvents it would have been sent (informatiearm too), a page at a time;
/// <c>_links.next</c> carries on. The subscriber keeps the last <c>volgnummer</c> it saw.
/// </summary>
public static class HaalGebeurtenissenOp
{
    public sealed record Parameters([FromQuery(Name = "na")] long? Na, [FromQuery(Name = "paginaGrootte")] int? PaginaGrootte);

    public sealed class Validator : AbstractValidator<Parameters>
    {
        public Validator()
        {
            RuleFor(p => p.Na).GreaterThanOrEqualTo(0);
            RuleFor(p => p.PaginaGrootte).InclusiveBetween(1, 500);
        }
    }

    /// <summary>Eén gebeurtenis zoals het abonnement haar ontving of zou ontvangen, met haar volgnummer en afleverstatus.</summary>
    public sealed record GebeurtenisItem(long Volgnummer, string Status, JsonElement Gebeurtenis);

    public sealed record GebeurtenissenResource(IReadOnlyList<GebeurtenisItem> Gebeurtenissen,
        [property: System.Text.Json.Serialization.JsonPropertyName("_links")] ZoekAfleveringen.Links Links);

    public static async Task<Ok<GebeurtenissenResource>> Endpoint(string id, [AsParameters] Parameters p, [FromServices] IOptions<NotificatieOptions> opties,
        [AsParameters] NotificatiesContext ctx)
    {
        var abonnement = await AbonnementId.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        var grootte = p.PaginaGrootte ?? 100;
        var na = p.Na ?? 0;
        var afleveringen = await ctx.Session.Query<Aflevering>().Where(a => a.AbonnementId == abonnement.AbonnementId && a.Volgnummer > na)
            .OrderBy(a => a.Volgnummer).Take(grootte).ToListAsync(ctx.Ct);
        var gebeurtenissen = (await ctx.Session.LoadManyAsync<Gebeurtenis>(ctx.Ct, afleveringen.Select(a => a.Volgnummer))).ToDictionary(g => g.Id);
        var arm = abonnement.Instellingen.Informatiearm;
        var items = afleveringen.Where(a => gebeurtenissen.ContainsKey(a.Volgnummer)).Select(a =>
        {
            var g = gebeurtenissen[a.Volgnummer];
            using var json = JsonDocument.Parse(Bericht.Structured(g, arm, arm ? Bericht.Dataref(g, opties.Value.Bronnen) : null));
            return new GebeurtenisItem(a.Volgnummer, a.Status, json.RootElement.Clone());
        }).ToList();
        var volgende = afleveringen.Count == grootte
            ? new Link($"{ctx.Api.BasePath}/abonnementen/{abonnement.AbonnementId}/gebeurtenissen?na={afleveringen[^1].Volgnummer}&paginaGrootte={grootte}")
            : null;
        return TypedResults.Ok(new GebeurtenissenResource(items, new ZoekAfleveringen.Links(volgende)));
    }
}
