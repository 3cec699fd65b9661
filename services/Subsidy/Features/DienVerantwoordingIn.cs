using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>The OD reports the realised costs per activity of a grant, by the scheme's deadline (none set: no limit).</summary>
public static class DienVerantwoordingIn
{
    public sealed record ActiviteitKosten(decimal? GerealiseerdeKosten);

    public sealed record Verzoek(IReadOnlyList<ActiviteitKosten>? Activiteiten, string? Toelichting);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Activiteiten).NotEmpty();
            RuleForEach(v => v.Activiteiten).NotNull().ChildRules(a => a.RuleFor(x => x.GerealiseerdeKosten).NotNull().Bedrag());
            RuleFor(v => v.Toelichting).PlainText(8000);
        }
    }

    public sealed record Opdracht(string Id, IReadOnlyList<decimal> Gerealiseerd, string? Toelichting, Gebruiker Gebruiker,
        Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsAanvrager(bestaand, o.Id);
        if (aanvraag.Status != AanvraagStatus.Verleend)
        {
            throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' is {Status.Tekst(aanvraag.Status)}; verantwoorden kan alleen een verleende subsidie, eenmaal.");
        }

        if (aanvraag.Regels?.VerantwoordingUiterlijk is { } uiterlijk && o.Handeling.Datum > uiterlijk)
        {
            throw DomainRuleException.Conflict($"De termijn voor de verantwoording is verstreken op {uiterlijk:yyyy-MM-dd}.");
        }

        return o.Gerealiseerd.Count == aanvraag.Activiteiten.Count
            ? [new VerantwoordingIngediend(o.Gerealiseerd, o.Toelichting, o.Handeling.Op)]
            : throw DomainRuleException.Invalid("activiteiten", $"De aanvraag heeft {aanvraag.Activiteiten.Count} activiteit(en); geef voor elk de gerealiseerde kosten.");
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
        var opdracht = new Opdracht(AanvraagId.Controleer(id), [.. verzoek.Activiteiten!.Select(a => a.GerealiseerdeKosten!.Value)],
            verzoek.Toelichting?.Trim(), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht);
        var aanvraag = await Handle(opdracht, ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}
