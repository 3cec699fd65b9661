using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>The owner asks the OD for more information; the decision period is suspended from today until the answer.</summary>
public static class VraagInformatie
{
    public sealed record Verzoek(string? Vraag);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Vraag).NotEmpty().PlainText(4000);
    }

    public sealed record Opdracht(string Id, string Vraag, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsBehandelaar(bestaand, o.Id);
        return Status.IsInBehandeling(aanvraag.Status)
            ? [new InformatieGevraagd(o.Vraag, o.Handeling.Op)]
            : throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' is {Status.Tekst(aanvraag.Status)}; om informatie vragen kan alleen tijdens de behandeling.");
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
        var aanvraag = await Handle(new Opdracht(AanvraagId.Controleer(id), verzoek.Vraag!.Trim(), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
