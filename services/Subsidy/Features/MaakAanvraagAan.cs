using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// A draft request under a scheme: its activities with their criteria, period and cost lines. The requested amount is
/// the sum of the cost lines (a client that states it must state that sum). Status, granted amounts and commitments are
/// not fields of this body: a client that sends them gets 400 (unknown members are refused).
/// </summary>
public static class MaakAanvraagAan
{
    public sealed record Periode(DateOnly? Van, DateOnly? Tot);

    public sealed record KostenregelVerzoek(string? Categorie, decimal? Bedrag);

    public sealed record ActiviteitVerzoek(string? Omschrijving, IReadOnlyList<int>? Criteria, Periode? Periode,
        IReadOnlyList<KostenregelVerzoek>? Kostenregels);

    public sealed record CofinancieringVerzoek(string? Door, decimal? Bedrag);

    public sealed record DocumentVerzoek(string? Titel, string? Url);

    /// <param name="AangevraagdBedrag">Optional: when given, it must equal the sum of the cost lines.</param>
    public sealed record Verzoek(string? Regeling, string? Omgevingsdienst, IReadOnlyList<ActiviteitVerzoek>? Activiteiten,
        decimal? AangevraagdBedrag, IReadOnlyList<CofinancieringVerzoek>? Cofinanciering, IReadOnlyList<DocumentVerzoek>? Documenten);

    /// <summary>A document reference: a title and an absolute http(s) URL (the document itself lives elsewhere).</summary>
    public sealed class DocumentValidator : AbstractValidator<DocumentVerzoek>
    {
        public DocumentValidator()
        {
            RuleFor(x => x.Titel).NotEmpty().PlainText(300);
            RuleFor(x => x.Url).NotEmpty().MaximumLength(2000)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                .WithMessage("'url' moet een absolute http(s)-URL zijn.");
        }
    }

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Regeling).NotEmpty().Matches(Regeling.Pattern).WithMessage("'regeling' is de code van een regeling, bijv. robuustheidsbijdrage.");
            RuleFor(v => v.Omgevingsdienst).GeldigeCode();
            RuleFor(v => v.Activiteiten).NotEmpty().Must(a => a is null || a.Count <= 50).WithMessage("Hoogstens 50 activiteiten.");
            RuleForEach(v => v.Activiteiten).NotNull().ChildRules(a =>
            {
                a.RuleFor(x => x.Omschrijving).NotEmpty().PlainText(2000);
                a.RuleFor(x => x.Criteria).NotEmpty().WithMessage("Noem de robuustheidscriteria (nummers uit de catalogus) die de activiteit dient.");
                a.RuleForEach(x => x.Criteria).InclusiveBetween(1, 99);
                a.RuleFor(x => x.Periode).NotNull();
                a.RuleFor(x => x.Periode!.Van).NotNull().When(x => x.Periode is not null).OverridePropertyName("periode.van");
                a.RuleFor(x => x.Periode!.Tot).NotNull().GreaterThanOrEqualTo(x => x.Periode!.Van)
                    .When(x => x.Periode is not null).OverridePropertyName("periode.tot").WithMessage("'periode.tot' is verplicht en ligt niet voor 'periode.van'.");
                a.RuleFor(x => x.Kostenregels).NotEmpty().Must(k => k is null || k.Count <= 100).WithMessage("Hoogstens 100 kostenregels.");
                a.RuleForEach(x => x.Kostenregels).NotNull().ChildRules(k =>
                {
                    k.RuleFor(x => x.Categorie).NotEmpty().PlainText(100);
                    k.RuleFor(x => x.Bedrag).NotNull().Bedrag();
                });
            });
            RuleFor(v => v.AangevraagdBedrag).Bedrag()
                .Must((v, bedrag) => bedrag is null || Som(v) is not { } som || som == bedrag)
                .WithMessage(v => $"'aangevraagdBedrag' is niet de som van de kostenregels ({(Som(v) is { } som ? Geld.Tekst(som) : "")}).");
            RuleForEach(v => v.Cofinanciering).NotNull().ChildRules(c =>
            {
                c.RuleFor(x => x.Door).NotEmpty().PlainText(200);
                c.RuleFor(x => x.Bedrag).NotNull().Bedrag();
            });
            RuleForEach(v => v.Documenten).NotNull().SetValidator(new DocumentValidator());
        }

        private static decimal? Som(Verzoek v) =>
            v.Activiteiten?.All(a => a?.Kostenregels?.All(k => k?.Bedrag is not null) == true) == true
                ? v.Activiteiten.Sum(a => a.Kostenregels!.Sum(k => k.Bedrag!.Value))
                : null;
    }

    public sealed record Opdracht(string Id, string Regeling, string Omgevingsdienst, IReadOnlyList<Activiteit> Activiteiten,
        IReadOnlyList<Cofinanciering> Cofinanciering, IReadOnlyList<Documentverwijzing> Documenten, Gebruiker Gebruiker, Handeling Handeling)
    {
        public static Opdracht Van(string id, Verzoek v, Gebruiker gebruiker, Handeling handeling) => new(id, v.Regeling!, v.Omgevingsdienst!,
            [.. v.Activiteiten!.Select(a => new Activiteit(a.Omschrijving!.Trim(), [.. a.Criteria!.Distinct()], a.Periode!.Van!.Value, a.Periode.Tot!.Value,
                [.. a.Kostenregels!.Select(k => new Kostenregel(k.Categorie!.Trim(), k.Bedrag!.Value))]))],
            [.. (v.Cofinanciering ?? []).Select(c => new Cofinanciering(c.Door!.Trim(), c.Bedrag!.Value))],
            [.. (v.Documenten ?? []).Select(d => new Documentverwijzing(d.Titel!.Trim(), d.Url!))], gebruiker, handeling);
    }

    /// <summary>An OD drafts for itself only (403 otherwise); the scheme and the OD must be known (400).</summary>
    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Regeling? regeling, OmgevingsdienstUitRegister? od, Opdracht o)
    {
        if (o.Gebruiker.Od is { } eigen && eigen != o.Omgevingsdienst)
        {
            throw DomainRuleException.Forbidden($"Een omgevingsdienst vraagt alleen voor zichzelf aan ({eigen}).");
        }

        if (bestaand is not null)
        {
            throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' bestaat al.");
        }

        if (regeling is null)
        {
            throw DomainRuleException.Invalid("regeling", $"Regeling '{o.Regeling}' bestaat niet.");
        }

        if (od is null)
        {
            throw DomainRuleException.Invalid("omgevingsdienst", $"Omgevingsdienst '{o.Omgevingsdienst}' is niet bekend uit het register.");
        }

        return [new AanvraagOpgesteld(o.Id, o.Regeling, regeling.Huidige.Regels.Eigenaar, o.Omgevingsdienst, o.Activiteiten,
            o.Cofinanciering, o.Documenten, o.Handeling.Op)];
    }

    public static async Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var regeling = await session.Events.FetchLatest<Regeling>(Regelingen.Regeling.StreamKey(o.Regeling), ct);
        var od = await session.LoadAsync<OmgevingsdienstUitRegister>(o.Omgevingsdienst, ct);
        var key = Aanvraag.StreamKey(o.Id);
        await session.DecideAsync<Aanvraag>(key, null, o.Handeling, a => Beslis(a, regeling, od, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Aanvraag>(key, ct))!;
    }

    public static async Task<Created<AanvraagResource>> Endpoint(Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        var aanvraag = await Handle(Opdracht.Van(Guid.NewGuid().ToString("N"), verzoek, ctx.Gebruiker, ctx.Handeling), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        var resource = AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
