using RobuustOD.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>The assessor's work on a draft: open it, score criteria, write the verdict. Drafts stay internal.</summary>
public static class BeoordelingOpstellen
{
    public sealed record NieuweBeoordeling(string? Omgevingsdienst, string? Ronde, Guid? PlanVanAanpak);

    public sealed record Score(string? SpecifiekeVraag, string? Maatregel, string? Duiding, IReadOnlyList<string>? Bronnen,
        int? StaatInPva, int? Haalbaarheid);

    public sealed record OordeelVerzoek(Oordeel? Oordeel, IReadOnlyList<string>? Tekortkomingen, DateOnly? GesprekOp,
        string? Opmerkingen, string? Geadresseerde);

    public sealed class NieuweBeoordelingValidator : AbstractValidator<NieuweBeoordeling>
    {
        public NieuweBeoordelingValidator()
        {
            RuleFor(v => v.Omgevingsdienst).NotEmpty().Matches(OdCode.Pattern);
            RuleFor(v => v.Ronde).NotEmpty().Must(BeoordelingId.IsGeldigeRonde)
                .WithMessage("'ronde' is een jaartal, eventueel met een achtervoegsel: 2024, 2025-herbeoordeling.");
        }
    }

    public sealed class ScoreValidator : AbstractValidator<Score>
    {
        public ScoreValidator()
        {
            RuleFor(s => s.SpecifiekeVraag).PlainText(20_000);
            RuleFor(s => s.Maatregel).PlainText(20_000);
            RuleFor(s => s.Duiding).PlainText(20_000);
            RuleFor(s => s.Bronnen).NotNull().WithMessage("'bronnen' is verplicht (een lege lijst mag).")
                .Must(b => b is null || b.Count <= 20).WithMessage("Ten hoogste 20 bronnen.");
            RuleForEach(s => s.Bronnen).NotEmpty().PlainText(200);
            RuleFor(s => s.StaatInPva).Must(c => c is null or 0 or 1)
                .WithMessage("'staatInPva' is 1 (ontbreekt in het plan), 0 (staat erin) of null (niet gescoord).");
            RuleFor(s => s.Haalbaarheid).Must(h => h is null or 1 or 2 or 3)
                .WithMessage("'haalbaarheid' is 1 (groen), 2 (oranje), 3 (rood) of null.");
        }
    }

    public sealed class OordeelValidator : AbstractValidator<OordeelVerzoek>
    {
        public OordeelValidator()
        {
            RuleFor(v => v.Tekortkomingen).NotNull().WithMessage("'tekortkomingen' is verplicht (een lege lijst mag).")
                .Must(t => t is null || t.Count <= 50);
            RuleForEach(v => v.Tekortkomingen).NotEmpty().PlainText(4000);
            RuleFor(v => v.Opmerkingen).PlainText(20_000);
            RuleFor(v => v.Geadresseerde).PlainText(200);
        }
    }

    public static async Task<Created<BeoordelingResource>> Aanmaken(NieuweBeoordeling v, [AsParameters] BeoordelingContext ctx)
    {
        var code = v.Omgevingsdienst!;
        var od = await ctx.UitRegisterAsync(code)
            ?? throw DomainRuleException.Invalid("omgevingsdienst", $"Omgevingsdienst '{code}' is in het register niet bekend.");
        if (od.ZelftoetsRobuust == true)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{code}' is op de zelftoets robuust bevonden; er valt geen plan te beoordelen.");
        }

        var dossier = await ctx.BeslisAsync(code, d => BeslisAanmaken(d, v, ctx.Door, ctx.Clock.GetUtcNow()));
        var resource = BeoordelingResource.Van(code, dossier.In(v.Ronde!)!, null, await ctx.Session.TitelsAsync(ctx.Ct));
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }

    public static IEnumerable<object> BeslisAanmaken(Beoordelingsdossier? dossier, NieuweBeoordeling v, string door, DateTimeOffset op)
    {
        if (dossier?.In(v.Ronde!) is not null)
        {
            throw DomainRuleException.Conflict($"Er is al een beoordeling van {v.Omgevingsdienst} in ronde {v.Ronde}.");
        }

        if (v.PlanVanAanpak is { } plan && dossier?.Plannen.Any(p => p.Id == plan) != true)
        {
            throw DomainRuleException.Invalid("planVanAanpak", $"Plan van aanpak {plan} is niet van {v.Omgevingsdienst}.");
        }

        yield return new BeoordelingAangemaakt(v.Ronde!, v.PlanVanAanpak, door, op);
    }

    public static async Task<Ok<BeoordelingResource>> Scoren(string id, int nummer, Score score, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var catalogus = await ctx.Session.HuidigeAsync(ctx.Ct);
        var criterium = catalogus.GetValueOrDefault(nummer) ?? throw DomainRuleException.Invalid("nummer",
            $"Criterium {nummer} staat niet in de catalogus (bekend: {string.Join(", ", catalogus.Keys.Order())}).");
        var rij = new CriteriumScore(nummer, criterium.Versie, score.SpecifiekeVraag, score.Maatregel, score.Duiding,
            score.Bronnen!, score.StaatInPva, score.Haalbaarheid);
        var dossier = await ctx.BeslisAsync(code, d => [new CriteriumGescoord(Concept(d, id, ronde).Ronde, rij, ctx.Door)]);
        return TypedResults.Ok(BeoordelingResource.Van(code, dossier.In(ronde)!, null, await ctx.Session.TitelsAsync(ctx.Ct)));
    }

    public static async Task<Ok<BeoordelingResource>> OordeelVastleggen(string id, OordeelVerzoek v, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var dossier = await ctx.BeslisAsync(code, d => [new OordeelVastgelegd(Concept(d, id, ronde).Ronde, v.Oordeel, v.Tekortkomingen!,
            v.GesprekOp, v.Opmerkingen, v.Geadresseerde, ctx.Door)]);
        return TypedResults.Ok(BeoordelingResource.Van(code, dossier.In(ronde)!, null, await ctx.Session.TitelsAsync(ctx.Ct)));
    }

    /// <summary>The draft to change: it must exist, and once published changes go through a revision.</summary>
    public static Beoordeling Concept(Beoordelingsdossier? dossier, string id, string ronde)
    {
        var beoordeling = dossier?.In(ronde) ?? throw DomainRuleException.NotFound($"Beoordeling '{id}' bestaat niet.");
        return beoordeling.Status == BeoordelingStatus.Concept
            ? beoordeling
            : throw DomainRuleException.Conflict($"Beoordeling '{id}' is gepubliceerd; wijzigen kan alleen met een herziening.");
    }
}
