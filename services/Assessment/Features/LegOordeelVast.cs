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
/// The assessor writes the draft's verdict, its shortcomings, the date of the conversation, remarks and the addressee of
/// the letter. A draft may still be without a verdict; publishing needs one.
/// </summary>
public static class LegOordeelVast
{
    public sealed record Verzoek(Oordeel? Oordeel, IReadOnlyList<string>? Tekortkomingen, DateOnly? GesprekOp,
        string? Opmerkingen, string? Geadresseerde);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Tekortkomingen).NotNull().WithMessage("'tekortkomingen' is verplicht (een lege lijst mag).")
                .Must(t => t is null || t.Count <= 50);
            RuleForEach(v => v.Tekortkomingen).NotEmpty().PlainText(4000);
            RuleFor(v => v.Opmerkingen).PlainText(20_000);
            RuleFor(v => v.Geadresseerde).PlainText(200);
        }
    }

    /// <summary>The verdict as the draft will hold it; <c>Oordeel</c> null means not decided yet.</summary>
    public sealed record Opdracht(string Omgevingsdienst, string Ronde, Oordeel? Oordeel, IReadOnlyList<string> Tekortkomingen,
        DateOnly? GesprekOp, string? Opmerkingen, string? Geadresseerde, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string code, string ronde, Verzoek v, Handeling handeling, ExpectedVersion? verwacht) =>
            new(code, ronde, v.Oordeel, v.Tekortkomingen!, v.GesprekOp, v.Opmerkingen, v.Geadresseerde, handeling, verwacht);
    }

    public static IEnumerable<object> Beslis(Beoordelingsdossier? dossier, Opdracht o)
    {
        var concept = dossier.Concept(o.Omgevingsdienst, o.Ronde);
        return [new OordeelVastgelegd(concept.Ronde, o.Oordeel, o.Tekortkomingen, o.GesprekOp, o.Opmerkingen, o.Geadresseerde, o.Handeling.Door)];
    }

    public static async Task<Beoordelingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        await session.DecideAsync<Beoordelingsdossier>(o.Omgevingsdienst, o.Verwacht, o.Handeling, d => Beslis(d, o), ct,
            versionOf: d => d?.VersieVan(o.Ronde) ?? 0);
        await session.SaveChangesAsync(ct);
        return (await session.DossierAsync(o.Omgevingsdienst, ct))!;
    }

    public static async Task<Ok<BeoordelingResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var beoordeling = (await Handle(Opdracht.Van(code, ronde, verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct)).In(ronde)!;
        ctx.Http.Response.SetETag(beoordeling.AantalGebeurtenissen);
        return TypedResults.Ok(BeoordelingResource.Van(ctx.Api.BasePath, code, beoordeling, null, await ctx.Session.TitelsAsync(ctx.Ct)));
    }
}
