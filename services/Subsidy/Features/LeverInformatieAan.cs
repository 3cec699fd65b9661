using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>The OD answers the request for information; the decision period runs again from today.</summary>
public static class LeverInformatieAan
{
    public sealed record Verzoek(string? Antwoord, IReadOnlyList<MaakAanvraagAan.DocumentVerzoek>? Documenten);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Antwoord).NotEmpty().PlainText(8000);
            RuleForEach(v => v.Documenten).NotNull().SetValidator(new MaakAanvraagAan.DocumentValidator());
        }
    }

    public sealed record Opdracht(string Id, string Antwoord, IReadOnlyList<Documentverwijzing> Documenten, Gebruiker Gebruiker,
        Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsAanvrager(bestaand, o.Id);
        return aanvraag.Status == AanvraagStatus.InformatieGevraagd
            ? [new InformatieAangeleverd(o.Antwoord, o.Documenten, o.Handeling.Op)]
            : throw DomainRuleException.Conflict($"Er is geen openstaande vraag om informatie bij aanvraag '{o.Id}'.");
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
        var documenten = (verzoek.Documenten ?? []).Select(d => new Documentverwijzing(d.Titel!.Trim(), d.Url!)).ToList();
        var aanvraag = await Handle(new Opdracht(AanvraagId.Controleer(id), verzoek.Antwoord!.Trim(), documenten, ctx.Gebruiker, ctx.Handeling, ctx.Verwacht),
            ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
