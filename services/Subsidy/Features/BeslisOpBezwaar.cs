using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// The owner decides on the objection. Upheld, it may set a new granted amount (with the amounts per activity as for a
/// decision): the commitment moves with it, up only as far as the budget allows, and a higher grant pays the rest of its advance.
/// </summary>
public static class BeslisOpBezwaar
{
    public sealed record Verzoek(BezwaarUitkomst? Uitkomst, decimal? Bedrag, IReadOnlyList<NeemBesluit.ActiviteitBedrag>? Activiteiten, string? Motivering);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Uitkomst).NotNull().IsInEnum();
            RuleFor(v => v.Motivering).NotEmpty().PlainText(8000);
            RuleFor(v => v.Bedrag).Bedrag();
            RuleFor(v => v.Bedrag).Null().When(v => v.Uitkomst == BezwaarUitkomst.Ongegrond)
                .WithMessage("Een ongegrond bezwaar verandert het besluit niet: geen 'bedrag'.");
            RuleForEach(v => v.Activiteiten).NotNull().ChildRules(a => a.RuleFor(x => x.Bedrag).NotNull().Bedrag());
        }
    }

    public sealed record Opdracht(string Id, BezwaarUitkomst Uitkomst, decimal? Bedrag, IReadOnlyList<decimal>? PerActiviteit, string Motivering,
        Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsBehandelaar(bestaand, o.Id);
        if (aanvraag.Bezwaar is not { Uitkomst: null })
        {
            throw DomainRuleException.Conflict($"Er is geen openstaand bezwaar tegen het besluit op aanvraag '{o.Id}'.");
        }

        if (o.Bedrag is null)
        {
            return [new BezwaarBeslist(o.Uitkomst, null, [], o.Motivering, o.Handeling.Op)];
        }

        if (aanvraag.Status is not (AanvraagStatus.Verleend or AanvraagStatus.Geweigerd))
        {
            throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' is {Status.Tekst(aanvraag.Status)}; het verleende bedrag kan niet meer veranderen.");
        }

        var bedrag = o.Bedrag.Value;
        var perActiviteit = bedrag == 0 ? [] : NeemBesluit.PerActiviteit(aanvraag, bedrag, o.PerActiviteit);
        List<object> events = [new BezwaarBeslist(o.Uitkomst, bedrag, perActiviteit, o.Motivering, o.Handeling.Op)];
        if (NeemBesluit.Voorschot(aanvraag, bedrag) - aanvraag.Betaald is > 0 and var aanvulling)
        {
            events.Add(new BetalingGedaan(Betalingssoort.Voorschot, aanvulling, o.Handeling.Op));
        }

        return events;
    }

    public static Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct) =>
        Budgetboeking.BeslisAsync(session, o.Id, o.Handeling, o.Verwacht, a => Beslis(a, o), ct);

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        var opdracht = new Opdracht(AanvraagId.Controleer(id), verzoek.Uitkomst!.Value, verzoek.Bedrag,
            verzoek.Activiteiten?.Select(a => a.Bedrag!.Value).ToList(), verzoek.Motivering!.Trim(), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht);
        var aanvraag = await Handle(opdracht, ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
