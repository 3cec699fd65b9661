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
/// IenW revises a published assessment (for instance after the conversation with the OD) into a new version that keeps
/// the old one. What the revision leaves out stays as it was; a changed verdict and every changed traffic light are
/// announced with their own event, which the other services follow.
/// </summary>
public static class HerzieBeoordeling
{
    public sealed record Verzoek(string? Reden, Oordeel? Oordeel, IReadOnlyList<string>? Tekortkomingen, DateOnly? GesprekOp,
        string? Opmerkingen, IReadOnlyList<GewijzigdeRij>? Criteria);

    public sealed record GewijzigdeRij(int? Nummer, string? SpecifiekeVraag, string? Maatregel, string? Duiding,
        IReadOnlyList<string>? Bronnen, int? StaatInPva, int? Haalbaarheid);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
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

    /// <summary>A row as the new version will hold it (it replaces the row of the same number).</summary>
    public sealed record Rij(int Nummer, string? SpecifiekeVraag, string? Maatregel, string? Duiding, IReadOnlyList<string> Bronnen,
        int? StaatInPva, int? Haalbaarheid);

    /// <summary>The revision; a null <c>Oordeel</c>, <c>Tekortkomingen</c>, <c>GesprekOp</c> or <c>Opmerkingen</c> keeps the current value.</summary>
    public sealed record Opdracht(string Omgevingsdienst, string Ronde, string Reden, Oordeel? Oordeel, IReadOnlyList<string>? Tekortkomingen,
        DateOnly? GesprekOp, string? Opmerkingen, IReadOnlyList<Rij> Criteria, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string code, string ronde, Verzoek v, Handeling handeling, ExpectedVersion? verwacht) =>
            new(code, ronde, v.Reden!.Trim(), v.Oordeel, v.Tekortkomingen, v.GesprekOp, v.Opmerkingen,
                [.. (v.Criteria ?? []).Select(r => new Rij(r.Nummer!.Value, r.SpecifiekeVraag, r.Maatregel, r.Duiding, r.Bronnen!, r.StaatInPva, r.Haalbaarheid))],
                handeling, verwacht);
    }

    /// <param name="catalogus">The current version of every criterion: a revised row is scored against it.</param>
    public static IEnumerable<object> Beslis(Beoordelingsdossier? dossier, Opdracht o, IReadOnlyDictionary<int, CriteriumVersie> catalogus)
    {
        var id = BeoordelingId.Van(o.Omgevingsdienst, o.Ronde);
        var huidig = dossier.Bestaande(o.Omgevingsdienst, o.Ronde).Huidige
            ?? throw DomainRuleException.Conflict($"Beoordeling '{id}' is nog niet gepubliceerd; een concept wijzig je direct.");
        var inhoud = huidig.Inhoud with
        {
            Oordeel = o.Oordeel ?? huidig.Inhoud.Oordeel,
            Tekortkomingen = o.Tekortkomingen ?? huidig.Inhoud.Tekortkomingen,
            GesprekOp = o.GesprekOp ?? huidig.Inhoud.GesprekOp,
            Opmerkingen = o.Opmerkingen ?? huidig.Inhoud.Opmerkingen,
        };
        foreach (var (rij, index) in o.Criteria.Select((r, i) => (r, i)))
        {
            var criterium = catalogus.GetValueOrDefault(rij.Nummer) ?? throw DomainRuleException.Invalid(
                $"criteria[{index}].nummer", $"Criterium {rij.Nummer} staat niet in de catalogus.");
            inhoud = inhoud.MetScore(new CriteriumScore(criterium.Nummer, criterium.Versie, rij.SpecifiekeVraag, rij.Maatregel,
                rij.Duiding, rij.Bronnen, rij.StaatInPva, rij.Haalbaarheid));
        }

        var verschil = Verschil.Tussen(huidig.Inhoud, inhoud);
        if (verschil.IsLeeg)
        {
            throw DomainRuleException.Conflict("De herziening verandert niets aan de huidige versie.");
        }

        var versie = huidig.Versie + 1;
        List<object> events = [new BeoordelingHerzien(o.Ronde, versie, inhoud, o.Reden, o.Handeling.Door, o.Handeling.Op)];
        if (verschil.Oordeel is { } oordeel)
        {
            events.Add(new OordeelHerzien(o.Ronde, versie, oordeel.Oud, oordeel.Nieuw, o.Reden));
        }

        events.AddRange(verschil.Criteria.Where(c => c.Haalbaarheid is not null)
            .Select(c => new HaalbaarheidGewijzigd(o.Ronde, versie, c.Nummer, c.Haalbaarheid!.Oud, c.Haalbaarheid.Nieuw)));
        return events;
    }

    public static async Task<Beoordelingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var catalogus = await session.HuidigeAsync(ct);
        await session.DecideAsync<Beoordelingsdossier>(o.Omgevingsdienst, o.Verwacht, o.Handeling, d => Beslis(d, o, catalogus), ct,
            versionOf: d => d?.VersieVan(o.Ronde) ?? 0);
        await session.SaveChangesAsync(ct);
        return (await session.DossierAsync(o.Omgevingsdienst, ct))!;
    }

    public static async Task<Ok<BeoordelingResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var beoordeling = (await Handle(Opdracht.Van(code, ronde, verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct)).In(ronde)!;
        ctx.Http.Response.SetETag(beoordeling.AantalGebeurtenissen);
        return TypedResults.Ok(BeoordelingResource.Van(ctx.Api.BasePath, code, beoordeling, beoordeling.Huidige,
            await ctx.Session.TitelsAsync(ctx.Ct)));
    }
}
