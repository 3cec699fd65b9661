using RobuustOD.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// IenW's acts: publishing the draft as version 1, and revising a published assessment (for instance after the
/// conversation with the OD) into a new version that keeps the old one.
/// </summary>
public static class BeoordelingVaststellen
{
    public sealed record Herziening(string? Reden, Oordeel? Oordeel, IReadOnlyList<string>? Tekortkomingen, DateOnly? GesprekOp,
        string? Opmerkingen, IReadOnlyList<GewijzigdeRij>? Criteria);

    public sealed record GewijzigdeRij(int? Nummer, string? SpecifiekeVraag, string? Maatregel, string? Duiding,
        IReadOnlyList<string>? Bronnen, int? StaatInPva, int? Haalbaarheid);

    public sealed class HerzieningValidator : AbstractValidator<Herziening>
    {
        public HerzieningValidator()
        {
            RuleFor(h => h.Reden).NotEmpty().WithMessage("'reden' is verplicht: waarom wordt de beoordeling herzien?").PlainText(4000);
            RuleForEach(h => h.Tekortkomingen).NotEmpty().PlainText(4000);
            RuleFor(h => h.Opmerkingen).PlainText(20_000);
            RuleForEach(h => h.Criteria).NotNull().ChildRules(r =>
            {
                r.RuleFor(x => x.Nummer).NotNull();
                r.RuleFor(x => x.Bronnen).NotNull().Must(b => b is null || b.Count <= 20).WithMessage("Ten hoogste 20 bronnen.");
                r.RuleForEach(x => x.Bronnen).NotEmpty().PlainText(200);
                r.RuleFor(x => x.StaatInPva).Must(c => c is null or 0 or 1).WithMessage("'staatInPva' is 1, 0 of null.");
                r.RuleFor(x => x.Haalbaarheid).Must(c => c is null or 1 or 2 or 3).WithMessage("'haalbaarheid' is 1, 2, 3 of null.");
                r.RuleFor(x => x.Duiding).PlainText(20_000);
                r.RuleFor(x => x.Maatregel).PlainText(20_000);
                r.RuleFor(x => x.SpecifiekeVraag).PlainText(20_000);
            });
            RuleFor(h => h).Must(h => h.Oordeel is not null || h.Tekortkomingen is not null || h.GesprekOp is not null
                    || h.Opmerkingen is not null || h.Criteria is { Count: > 0 })
                .WithName("herziening").WithMessage("Een herziening wijzigt iets: oordeel, tekortkomingen, gesprekOp, opmerkingen of criteria.");
        }
    }

    public static async Task<Ok<BeoordelingResource>> Publiceren(string id, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var dossier = await ctx.BeslisAsync(code, d => BeslisPubliceren(d, id, ronde, ctx.Door, ctx.Clock.GetUtcNow()));
        var beoordeling = dossier.In(ronde)!;
        return TypedResults.Ok(BeoordelingResource.Van(code, beoordeling, beoordeling.Huidige, await ctx.Session.TitelsAsync(ctx.Ct)));
    }

    public static IEnumerable<object> BeslisPubliceren(Beoordelingsdossier? dossier, string id, string ronde, string door, DateTimeOffset op)
    {
        var concept = BeoordelingOpstellen.Concept(dossier, id, ronde).Concept;
        if (concept.Oordeel is null)
        {
            throw DomainRuleException.Invalid("oordeel", "Een beoordeling zonder oordeel kan niet worden gepubliceerd.");
        }

        yield return new BeoordelingGepubliceerd(ronde, 1, concept, door, op);
    }

    public static async Task<Ok<BeoordelingResource>> Herzien(string id, Herziening h, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var catalogus = await ctx.Session.HuidigeAsync(ctx.Ct);
        var dossier = await ctx.BeslisAsync(code, d => BeslisHerzien(d, id, ronde, h, catalogus, ctx.Door, ctx.Clock.GetUtcNow()));
        var beoordeling = dossier.In(ronde)!;
        return TypedResults.Ok(BeoordelingResource.Van(code, beoordeling, beoordeling.Huidige, await ctx.Session.TitelsAsync(ctx.Ct)));
    }

    public static IEnumerable<object> BeslisHerzien(Beoordelingsdossier? dossier, string id, string ronde, Herziening h,
        IReadOnlyDictionary<int, CriteriumVersie> catalogus, string door, DateTimeOffset op)
    {
        var beoordeling = dossier?.In(ronde) ?? throw DomainRuleException.NotFound($"Beoordeling '{id}' bestaat niet.");
        var huidig = beoordeling.Huidige
            ?? throw DomainRuleException.Conflict($"Beoordeling '{id}' is nog niet gepubliceerd; een concept wijzig je direct.");
        var inhoud = huidig.Inhoud with
        {
            Oordeel = h.Oordeel ?? huidig.Inhoud.Oordeel,
            Tekortkomingen = h.Tekortkomingen ?? huidig.Inhoud.Tekortkomingen,
            GesprekOp = h.GesprekOp ?? huidig.Inhoud.GesprekOp,
            Opmerkingen = h.Opmerkingen ?? huidig.Inhoud.Opmerkingen,
        };
        foreach (var (rij, index) in (h.Criteria ?? []).Select((r, i) => (r, i)))
        {
            var criterium = catalogus.GetValueOrDefault(rij.Nummer!.Value) ?? throw DomainRuleException.Invalid(
                $"criteria[{index}].nummer", $"Criterium {rij.Nummer} staat niet in de catalogus.");
            inhoud = inhoud.MetScore(new CriteriumScore(criterium.Nummer, criterium.Versie, rij.SpecifiekeVraag, rij.Maatregel,
                rij.Duiding, rij.Bronnen!, rij.StaatInPva, rij.Haalbaarheid));
        }

        var versie = huidig.Versie + 1;
        var verschil = Verschil.Tussen(huidig.Inhoud, inhoud);
        if (verschil.IsLeeg)
        {
            throw DomainRuleException.Conflict("De herziening verandert niets aan de huidige versie.");
        }

        yield return new BeoordelingHerzien(ronde, versie, inhoud, h.Reden!.Trim(), door, op);
        if (verschil.Oordeel is { } oordeel)
        {
            yield return new OordeelHerzien(ronde, versie, oordeel.Oud, oordeel.Nieuw, h.Reden.Trim());
        }

        foreach (var rij in verschil.Criteria.Where(c => c.Haalbaarheid is not null))
        {
            yield return new HaalbaarheidGewijzigd(ronde, versie, rij.Nummer, rij.Haalbaarheid!.Oud, rij.Haalbaarheid.Nieuw);
        }
    }
}
