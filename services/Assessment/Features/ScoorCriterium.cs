using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// The assessor writes (or rewrites) one row of a draft's annex, against the criterion's current version in the
/// catalogue. A published assessment changes only through a revision.
/// </summary>
public static class ScoorCriterium
{
    public sealed record Verzoek(string? SpecifiekeVraag, string? Maatregel, string? Duiding, IReadOnlyList<string>? Bronnen,
        int? StaatInPva, int? Haalbaarheid);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
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

    /// <summary>The row's codes: <c>StaatInPva</c> 1/0/null, <c>Haalbaarheid</c> 1/2/3/null (see <see cref="CriteriumScore"/>).</summary>
    public sealed record Opdracht(string Omgevingsdienst, string Ronde, int Nummer, string? SpecifiekeVraag, string? Maatregel,
        string? Duiding, IReadOnlyList<string> Bronnen, int? StaatInPva, int? Haalbaarheid, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string code, string ronde, int nummer, Verzoek v, Handeling handeling, ExpectedVersion? verwacht) =>
            new(code, ronde, nummer, v.SpecifiekeVraag, v.Maatregel, v.Duiding, v.Bronnen!, v.StaatInPva, v.Haalbaarheid, handeling, verwacht);
    }

    /// <param name="catalogus">The current version of every criterion.</param>
    public static IEnumerable<object> Beslis(Beoordelingsdossier? dossier, Opdracht o, IReadOnlyDictionary<int, CriteriumVersie> catalogus)
    {
        var criterium = catalogus.GetValueOrDefault(o.Nummer) ?? throw DomainRuleException.Invalid("nummer",
            $"Criterium {o.Nummer} staat niet in de catalogus (bekend: {string.Join(", ", catalogus.Keys.Order())}).");
        var concept = dossier.Concept(o.Omgevingsdienst, o.Ronde);
        var rij = new CriteriumScore(o.Nummer, criterium.Versie, o.SpecifiekeVraag, o.Maatregel, o.Duiding, o.Bronnen, o.StaatInPva,
            o.Haalbaarheid);
        return [new CriteriumGescoord(concept.Ronde, rij, o.Handeling.Door)];
    }

    public static async Task<Beoordelingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var catalogus = await session.HuidigeAsync(ct);
        await session.DecideAsync<Beoordelingsdossier>(o.Omgevingsdienst, o.Verwacht, o.Handeling, d => Beslis(d, o, catalogus), ct,
            versionOf: d => d?.VersieVan(o.Ronde) ?? 0);
        await session.SaveChangesAsync(ct);
        return (await session.DossierAsync(o.Omgevingsdienst, ct))!;
    }

    public static async Task<Ok<BeoordelingResource>> Endpoint(string id, int nummer, Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var beoordeling = (await Handle(Opdracht.Van(code, ronde, nummer, verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct)).In(ronde)!;
        ctx.Http.Response.SetETag(beoordeling.AantalGebeurtenissen);
        return TypedResults.Ok(BeoordelingResource.Van(ctx.Api.BasePath, code, beoordeling, null, await ctx.Session.TitelsAsync(ctx.Ct)));
    }
}
