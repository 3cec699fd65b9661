using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Notifications.Abonnementen;
using RobuustOD.Notifications.Afleveringen;

namespace RobuustOD.Notifications.Features;

/// <summary>
/// A new subscription: its sink, the types (exact types or topics) its role may read, a filter that does not widen what
/// the role may read, how to authenticate, a contact for alerts. The subscriber must pass the handshake (OPTIONS, then a
/// signed test event) before anything is stored; the signing secret is in the answer, once.
/// </summary>
public static class MaakAbonnementAan
{
    public sealed record Verzoek(string? Sink, IReadOnlyList<string>? Types, Filter? Filters, AuthenticatieVerzoek? Authenticatie, string? Contact,
        string? AbonneeReferentie, bool? Informatiearm);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Sink).NotEmpty().Url();
            RuleFor(v => v.Types).NotEmpty().Must(t => t is null || t.Count <= 50).WithMessage("Hoogstens 50 types.");
            RuleForEach(v => v.Types).NotEmpty().PlainText(200);
            RuleFor(v => v.Filters).Custom((f, context) => Invoer.ValideerFilter(f, context));
            RuleFor(v => v.Authenticatie!).SetValidator(new Invoer.AuthenticatieValidator()).When(v => v.Authenticatie is not null);
            RuleFor(v => v.Contact).NotEmpty().PlainText(300);
            RuleFor(v => v.AbonneeReferentie).PlainText(200);
        }
    }

    public sealed record Opdracht(string Id, Instellingen Instellingen, string Geheim, string? Authorization, string? ClientSecret, Gebruiker Gebruiker,
        Handeling Handeling)
    {
        public static Opdracht Van(string id, Verzoek v, string geheim, Gebruiker gebruiker, Handeling handeling)
        {
            var (soort, oauth2) = Invoer.Authenticatie(v.Authenticatie);
            return new(id, new Instellingen(v.Sink!, [.. v.Types!.Distinct(StringComparer.Ordinal)], v.Filters, soort, oauth2, v.Contact!.Trim(),
                    v.AbonneeReferentie?.Trim(), v.Informatiearm ?? false),
                geheim, v.Authenticatie?.Authorization, v.Authenticatie?.ClientSecret, gebruiker, handeling);
        }

        public Abonnementsgeheim Geheimen => new() { Id = Id, Huidig = Geheim, Authorization = Authorization, OAuth2ClientSecret = ClientSecret };
    }

    /// <summary>What the role may subscribe to (400 naming the field); checked before the handshake reaches out.</summary>
    public static void Controleer(Opdracht o)
    {
        if (o.Gebruiker.Rol.Length == 0)
        {
            throw DomainRuleException.Forbidden("Een abonnement vraagt een token met een bekende rol.");
        }

        Leesrechten.Controleer(o.Gebruiker, o.Instellingen.Types, o.Instellingen.Filter);
    }

    public static IEnumerable<object> Beslis(Abonnement? bestaand, Opdracht o, int? toegestaanTempo)
    {
        Controleer(o);
        return bestaand is not null
            ? throw DomainRuleException.Conflict($"Abonnement '{o.Id}' bestaat al.")
            : [new AbonnementAangemaakt(o.Id, o.Gebruiker.Rol, o.Gebruiker.Od, o.Instellingen, toegestaanTempo, o.Handeling.Op)];
    }

    public static async Task<Abonnement> Handle(Opdracht o, IDocumentSession session, Handdruk handdruk, CancellationToken ct)
    {
        Controleer(o);
        var tempo = await handdruk.VoerUitAsync(o.Id, o.Instellingen, o.Geheimen, ct);
        var key = Abonnement.StreamKey(o.Id);
        await session.DecideAsync<Abonnement>(key, null, o.Handeling, a => Beslis(a, o, tempo), ct);
        session.Store(o.Geheimen);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Abonnement>(key, ct))!;
    }

    /// <summary>The new subscription and its signing secret, shown this once.</summary>
    public sealed record AangemaaktResource(AbonnementResource Abonnement, string Geheim);

    public static async Task<Created<AangemaaktResource>> Endpoint(Verzoek verzoek, [FromServices] Handdruk handdruk, [AsParameters] NotificatiesContext ctx)
    {
        var opdracht = Opdracht.Van(Guid.NewGuid().ToString("N"), verzoek, Abonnementsgeheim.Nieuw(), ctx.Gebruiker, ctx.Handeling);
        var abonnement = await Handle(opdracht, ctx.Session, handdruk, ctx.Ct);
        ctx.Http.Response.SetETag(abonnement.Version);
        var resource = AbonnementResource.Van(abonnement, ctx.Api);
        return TypedResults.Created(resource.Links.Self.Href, new AangemaaktResource(resource, opdracht.Geheim));
    }
}
