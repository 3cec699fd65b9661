using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>IenW adds a criterion to the catalogue as its version 1 (for instance one of the numbers that are not public).</summary>
public static class VoegCriteriumToe
{
    public sealed record Verzoek(int? Nummer, string? Titel, string? Vraag, Drempel? Drempel, string? Bron);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(c => c.Nummer).NotNull().InclusiveBetween(1, Catalogus.HoogsteNummer);
            RuleFor(c => c.Titel).NotEmpty().PlainText(300);
            RuleFor(c => c.Vraag).PlainText(4000);
            RuleFor(c => c.Bron).PlainText(500);
            RuleFor(c => c.Drempel!).SetValidator(new DrempelValidator()).When(c => c.Drempel is not null);
        }
    }

    public sealed record Opdracht(int Nummer, string Titel, string? Vraag, Drempel? Drempel, string? Bron, Handeling Handeling)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling) => new(v.Nummer!.Value, v.Titel!.Trim(), v.Vraag, v.Drempel, v.Bron, handeling);
    }

    /// <summary>
    /// The catalogue is a set of documents, not a stream: the decision returns the version to insert.
    /// A number that is already in the catalogue changes only through a new version (409).
    /// </summary>
    /// <param name="versies">The versions the catalogue holds of <see cref="Opdracht.Nummer"/>.</param>
    public static CriteriumVersie Beslis(IReadOnlyList<CriteriumVersie> versies, Opdracht o)
    {
        if (versies.Count > 0)
        {
            throw DomainRuleException.Conflict($"Criterium {o.Nummer} staat al in de catalogus; wijzig het met een nieuwe versie.");
        }

        return new CriteriumVersie
        {
            Id = CriteriumVersie.Sleutel(o.Nummer, 1),
            Nummer = o.Nummer,
            Versie = 1,
            Titel = o.Titel,
            Vraag = o.Vraag,
            Drempel = o.Drempel,
            Bron = o.Bron,
            VastgesteldOp = o.Handeling.Op,
            VastgesteldDoor = o.Handeling.Door,
        };
    }

    public static async Task<CriteriumVersie> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var criterium = Beslis(await session.VersiesAsync(o.Nummer, ct), o);
        // A concurrent addition of the same number and version loses with 409 (VoegVersieToe inserts).
        session.VoegVersieToe(criterium);
        await session.SaveChangesAsync(ct);
        return criterium;
    }

    public static async Task<Created<ZoekCriteria.Criterium>> Endpoint(Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var criterium = await Handle(Opdracht.Van(verzoek, ctx.Handeling), ctx.Session, ctx.Ct);
        return TypedResults.Created($"{ctx.Api.BasePath}/criteria/{criterium.Nummer}", ZoekCriteria.Criterium.Van(criterium));
    }
}
