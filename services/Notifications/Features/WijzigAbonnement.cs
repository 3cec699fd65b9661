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
/// Change a subscription (If-Match): what is sent replaces what was; the rules of creation apply to the result. A new
/// sink must pass the handshake again before the change is stored.
/// </summary>
public static class WijzigAbonnement
{
    /// <summary>
    /// A merge-patch (RFC 7396): a field left out stays as it is. For <c>filters</c> an explicit <c>null</c> removes the
    /// filter (every event of the types is delivered again), which is why the request is a class that notices whether the
    /// field was sent, not a positional record (its constructor would see null either way).
    /// </summary>
    public sealed record Verzoek
    {
        private readonly Filter? _filters;

        public string? Sink { get; init; }

        public IReadOnlyList<string>? Types { get; init; }

        public Filter? Filters
        {
            get => _filters;
            init
            {
                _filters = value;
                FiltersGegeven = true;
            }
        }

        public AuthenticatieVerzoek? Authenticatie { get; init; }

        public string? Contact { get; init; }

        public string? AbonneeReferentie { get; init; }

        public bool? Informatiearm { get; init; }

        /// <summary>Whether the request named <c>filters</c> at all (null included).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public bool FiltersGegeven { get; private init; }
    }

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Sink).NotEmpty().Url().When(v => v.Sink is not null);
            RuleFor(v => v.Types).NotEmpty().Must(t => t!.Count <= 50).WithMessage("Hoogstens 50 types.").When(v => v.Types is not null);
            RuleForEach(v => v.Types).NotEmpty().PlainText(200);
            RuleFor(v => v.Filters).Custom((f, context) => Invoer.ValideerFilter(f, context));
            RuleFor(v => v.Authenticatie!).SetValidator(new Invoer.AuthenticatieValidator()).When(v => v.Authenticatie is not null);
            RuleFor(v => v.Contact).NotEmpty().PlainText(300).When(v => v.Contact is not null);
            RuleFor(v => v.AbonneeReferentie).PlainText(200);
        }
    }

    public sealed record Opdracht(string Id, Verzoek Wijziging, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    /// <summary>The settings after the change.</summary>
    public static Instellingen Nieuw(Instellingen huidig, Verzoek v)
    {
        var (soort, oauth2) = v.Authenticatie is null ? (huidig.Authenticatie, huidig.OAuth2) : Invoer.Authenticatie(v.Authenticatie);
        return new Instellingen(v.Sink ?? huidig.Sink, v.Types is null ? huidig.Types : [.. v.Types.Distinct(StringComparer.Ordinal)],
            v.FiltersGegeven ? v.Filters : huidig.Filter, soort, oauth2, v.Contact?.Trim() ?? huidig.Contact, v.AbonneeReferentie?.Trim() ?? huidig.Abonneereferentie,
            v.Informatiearm ?? huidig.Informatiearm);
    }

    public static IEnumerable<object> Beslis(Abonnement? abonnement, Opdracht o, int? toegestaanTempo)
    {
        var huidig = o.Gebruiker.Zichtbaar(abonnement, o.Id);
        var nieuw = Nieuw(huidig.Instellingen, o.Wijziging);
        Leesrechten.Controleer(new Gebruiker(huidig.Rol, huidig.Od), nieuw.Types, nieuw.Filter);
        return [new AbonnementGewijzigd(nieuw, toegestaanTempo, o.Handeling.Op)];
    }

    public static async Task<Abonnement> Handle(Opdracht o, IDocumentSession session, Handdruk handdruk, CancellationToken ct)
    {
        var key = Abonnement.StreamKey(o.Id);
        var huidig = o.Gebruiker.Zichtbaar(await session.Events.FetchLatest<Abonnement>(key, ct), o.Id);
        o.Verwacht?.Check(huidig.Version);
        var geheim = await session.LoadAsync<Abonnementsgeheim>(o.Id, ct) ?? new Abonnementsgeheim { Id = o.Id, Huidig = Abonnementsgeheim.Nieuw() };
        if (o.Wijziging.Authenticatie is { } authenticatie)
        {
            geheim.Authorization = authenticatie.Authorization;
            geheim.OAuth2ClientSecret = authenticatie.ClientSecret;
        }

        var nieuw = Nieuw(huidig.Instellingen, o.Wijziging);
        Leesrechten.Controleer(new Gebruiker(huidig.Rol, huidig.Od), nieuw.Types, nieuw.Filter);
        var tempo = nieuw.Sink != huidig.Instellingen.Sink ? await handdruk.VoerUitAsync(o.Id, nieuw, geheim, ct) : huidig.ToegestaanTempo;
        await session.DecideAsync<Abonnement>(key, o.Verwacht, o.Handeling, a => Beslis(a, o, tempo), ct);
        session.Store(geheim);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Abonnement>(key, ct))!;
    }

    public static async Task<Ok<AbonnementResource>> Endpoint(string id, Verzoek verzoek, [FromServices] Handdruk handdruk,
        [AsParameters] NotificatiesContext ctx)
    {
        var abonnement = await Handle(new Opdracht(AbonnementId.Controleer(id), verzoek, ctx.Gebruiker, ctx.Handeling, ctx.Verwacht), ctx.Session,
            handdruk, ctx.Ct);
        ctx.Http.Response.SetETag(abonnement.Version);
        return TypedResults.Ok(AbonnementResource.Van(abonnement, ctx.Api));
    }
}
