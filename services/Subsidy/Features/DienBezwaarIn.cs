using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>An objection against the decision, within six weeks of it (Awb 6:7); one per request.</summary>
public static class DienBezwaarIn
{
    public sealed record Verzoek(string? Gronden);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Gronden).NotEmpty().PlainText(8000);
    }

    public sealed record Opdracht(string Id, string Gronden, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsAanvrager(bestaand, o.Id);
        if (aanvraag.BezwaarUiterlijk is not { } uiterlijk)
        {
            throw DomainRuleException.Conflict($"Op aanvraag '{o.Id}' is nog niet besloten; bezwaar kan tegen een besluit.");
        }

        if (aanvraag.Bezwaar is not null)
        {
            throw DomainRuleException.Conflict($"Tegen het besluit op aanvraag '{o.Id}' is al bezwaar gemaakt.");
        }

        return o.Handeling.Datum > uiterlijk
            ? throw DomainRuleException.Conflict($"De bezwaartermijn van zes weken is verstreken op {uiterlijk:yyyy-MM-dd}.")
            : [new BezwaarIngediend(o.Gronden, o.Handeling.Op)];
    }

    public static async Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var key = Aanvraag.StreamKey(o.Id);
        await session.DecideAsync<Aanvraag>(key, o.Verwacht, o.Handeling, a => Beslis(a, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Aanvraag>(key, ct))!;
    }

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        var aanvraag = await Handle(new Opdracht(AanvraagId.Controleer(id), verzoek.Gronden!.Trim(), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
