using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// The owner decides: granted (in full or in part: the total and, for a partial grant of several activities, the amount
/// per activity) or refused, with a motivation. A grant commits its amount against the ceiling and pays the advance, in
/// the same commit (<see cref="Budgetboeking"/>). Above the scheme's four-eyes amount the decision is a proposal until a
/// second person of the same role confirms it (<see cref="BekrachtigBesluit"/>).
/// </summary>
public static class NeemBesluit
{
    public sealed record ActiviteitBedrag(decimal? Bedrag);

    public sealed record Verzoek(Uitkomst? Uitkomst, decimal? Bedrag, IReadOnlyList<ActiviteitBedrag>? Activiteiten, string? Motivering);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Uitkomst).NotNull().IsInEnum();
            RuleFor(v => v.Motivering).NotEmpty().PlainText(8000);
            RuleFor(v => v.Bedrag).NotNull().GreaterThan(0).Bedrag().When(v => v.Uitkomst == Aanvragen.Uitkomst.Verleend)
                .WithMessage("Bij verlening is 'bedrag' verplicht: een positief bedrag met hoogstens twee decimalen.");
            RuleFor(v => v.Bedrag).Null().When(v => v.Uitkomst == Aanvragen.Uitkomst.Geweigerd)
                .WithMessage("Bij weigering wordt geen 'bedrag' verleend.");
            RuleForEach(v => v.Activiteiten).NotNull().ChildRules(a => a.RuleFor(x => x.Bedrag).NotNull().Bedrag());
            RuleFor(v => v.Activiteiten).Must((v, a) => a is null || Som(a) is not { } som || som == v.Bedrag)
                .When(v => v.Uitkomst == Aanvragen.Uitkomst.Verleend && v.Bedrag is not null)
                .WithMessage("De bedragen per activiteit tellen niet op tot 'bedrag'.");
        }

        private static decimal? Som(IReadOnlyList<ActiviteitBedrag?> a) =>
            a.All(x => x?.Bedrag is not null) ? a.Sum(x => x!.Bedrag!.Value) : null;
    }

    public sealed record Inhoud(Uitkomst Uitkomst, decimal? Bedrag, IReadOnlyList<decimal>? PerActiviteit, string Motivering)
    {
        public static Inhoud Van(Verzoek v) => new(v.Uitkomst!.Value, v.Bedrag,
            v.Activiteiten?.Select(a => a.Bedrag!.Value).ToList(), v.Motivering!.Trim());
    }

    public sealed record Opdracht(string Id, Inhoud Inhoud, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsBehandelaar(bestaand, o.Id);
        if (!Status.IsInBehandeling(aanvraag.Status))
        {
            throw DomainRuleException.Conflict(aanvraag.Status == AanvraagStatus.InformatieGevraagd
                ? $"Aanvraag '{o.Id}' wacht op de gevraagde informatie; besluiten kan als de omgevingsdienst die heeft aangeleverd."
                : $"Aanvraag '{o.Id}' is {Status.Tekst(aanvraag.Status)}; er kan geen besluit (meer) op worden genomen.");
        }

        var i = o.Inhoud;
        if (i.Uitkomst == Uitkomst.Geweigerd)
        {
            return [new AanvraagGeweigerd(i.Motivering, o.Handeling.Door, null, o.Handeling.Op)];
        }

        var perActiviteit = PerActiviteit(aanvraag, i.Bedrag!.Value, i.PerActiviteit);
        return aanvraag.Regels?.VierOgenVanaf is { } drempel && i.Bedrag > drempel
            ? [new BesluitVoorgesteld(i.Uitkomst, i.Bedrag, perActiviteit, i.Motivering, o.Handeling.Door, o.Handeling.Op)]
            : Verlening(aanvraag, i.Bedrag.Value, perActiviteit, i.Motivering, o.Handeling.Door, null, o.Handeling.Op);
    }

    /// <summary>
    /// The granted amount per activity: as given, or the requested amounts for a grant in full, or the total for a
    /// request of one activity. Never more than requested, in total or per activity.
    /// </summary>
    public static IReadOnlyList<decimal> PerActiviteit(Aanvraag aanvraag, decimal bedrag, IReadOnlyList<decimal>? gegeven)
    {
        if (bedrag > aanvraag.AangevraagdBedrag)
        {
            throw DomainRuleException.Invalid("bedrag", $"Het verleende bedrag {Geld.Tekst(bedrag)} is hoger dan het aangevraagde ({Geld.Tekst(aanvraag.AangevraagdBedrag)}).");
        }

        var activiteiten = aanvraag.Activiteiten;
        if (gegeven is null)
        {
            return bedrag == aanvraag.AangevraagdBedrag ? [.. activiteiten.Select(a => a.Bedrag)]
                : activiteiten.Count == 1 ? [bedrag]
                : throw DomainRuleException.Invalid("activiteiten", "Bij een gedeeltelijke verlening van meer activiteiten is het bedrag per activiteit verplicht ('activiteiten', in de volgorde van de aanvraag).");
        }

        if (gegeven.Count != activiteiten.Count)
        {
            throw DomainRuleException.Invalid("activiteiten", $"De aanvraag heeft {activiteiten.Count} activiteit(en); geef voor elk een bedrag.");
        }

        for (var n = 0; n < gegeven.Count; n++)
        {
            if (gegeven[n] > activiteiten[n].Bedrag)
            {
                throw DomainRuleException.Invalid($"activiteiten[{n}].bedrag",
                    $"Voor activiteit {n + 1} is {Geld.Tekst(activiteiten[n].Bedrag)} aangevraagd; er kan niet meer worden verleend.");
            }
        }

        return gegeven.Sum() == bedrag ? gegeven
            : throw DomainRuleException.Invalid("activiteiten", "De bedragen per activiteit tellen niet op tot 'bedrag'.");
    }

    /// <summary>The grant and its advance (the scheme's percentage, rounded to the cent).</summary>
    public static IEnumerable<object> Verlening(Aanvraag aanvraag, decimal bedrag, IReadOnlyList<decimal> perActiviteit, string motivering,
        string door, string? tweede, DateTimeOffset op)
    {
        yield return new AanvraagVerleend(bedrag, perActiviteit, motivering, door, tweede, op);
        if (Voorschot(aanvraag, bedrag) is > 0 and var voorschot)
        {
            yield return new BetalingGedaan(Betalingssoort.Voorschot, voorschot, op);
        }
    }

    public static decimal Voorschot(Aanvraag aanvraag, decimal bedrag) =>
        aanvraag.Regels?.VoorschotPercentage is { } percentage ? decimal.Round(bedrag * percentage / 100m, 2, MidpointRounding.AwayFromZero) : 0;

    public static Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct) =>
        Budgetboeking.BeslisAsync(session, o.Id, o.Handeling, o.Verwacht, a => Beslis(a, o), ct);

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        var aanvraag = await Handle(new Opdracht(AanvraagId.Controleer(id), Inhoud.Van(verzoek), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
