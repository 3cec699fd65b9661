using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// Settlement by the owner, after the accountability: at most the granted amount. What is not settled is released to
/// the budget; the rest is paid, or, when the advance was higher than the settled amount, the difference is claimed back.
/// </summary>
public static class StelSubsidieVast
{
    public sealed record Verzoek(decimal? Bedrag, string? Motivering);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Bedrag).NotNull().Bedrag();
            RuleFor(v => v.Motivering).NotEmpty().PlainText(8000);
        }
    }

    public sealed record Opdracht(string Id, decimal Bedrag, string Motivering, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsBehandelaar(bestaand, o.Id);
        if (aanvraag.Status != AanvraagStatus.Verantwoord)
        {
            throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' is {Status.Tekst(aanvraag.Status)}; vaststellen kan na de verantwoording.");
        }

        if (aanvraag.Bezwaar is { Uitkomst: null })
        {
            throw DomainRuleException.Conflict($"Op het bezwaar tegen aanvraag '{o.Id}' is nog niet beslist.");
        }

        if (o.Bedrag > aanvraag.Verleend)
        {
            throw DomainRuleException.Invalid("bedrag", $"Vastgesteld wordt hoogstens het verleende bedrag ({Geld.Tekst(aanvraag.Verleend)}).");
        }

        var betaald = aanvraag.Betaald;
        List<object> events = [new SubsidieVastgesteld(o.Bedrag, aanvraag.Verleend - o.Bedrag, o.Motivering, o.Handeling.Op)];
        if (o.Bedrag > betaald)
        {
            events.Add(new BetalingGedaan(Betalingssoort.Eindbetaling, o.Bedrag - betaald, o.Handeling.Op));
        }
        else if (betaald > o.Bedrag)
        {
            events.Add(new TerugvorderingVastgesteld(betaald - o.Bedrag, o.Handeling.Op));
        }

        return events;
    }

    public static Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct) =>
        Budgetboeking.BeslisAsync(session, o.Id, o.Handeling, o.Verwacht, a => Beslis(a, o), ct);

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        var opdracht = new Opdracht(AanvraagId.Controleer(id), verzoek.Bedrag!.Value, verzoek.Motivering!.Trim(), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht);
        var aanvraag = await Handle(opdracht, ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
