using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// IenW sets a new version of a criterion. Earlier versions stay, and assessments keep the version they were scored
/// against; If-Match with the current version number prevents overwriting a version the client has not seen.
/// </summary>
public static class WijzigCriterium
{
    public sealed record Verzoek(string? Titel, string? Vraag, Drempel? Drempel, string? Bron);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(c => c.Titel).NotEmpty().PlainText(300);
            RuleFor(c => c.Vraag).PlainText(4000);
            RuleFor(c => c.Bron).PlainText(500);
            RuleFor(c => c.Drempel!).SetValidator(new DrempelValidator()).When(c => c.Drempel is not null);
        }
    }

    public sealed record Opdracht(int Nummer, string Titel, string? Vraag, Drempel? Drempel, string? Bron, Handeling Handeling,
        ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(int nummer, Verzoek v, Handeling handeling, ExpectedVersion? verwacht) =>
            new(nummer, v.Titel!.Trim(), v.Vraag, v.Drempel, v.Bron, handeling, verwacht);
    }

    /// <summary>The next version to insert: 404 for a criterion the catalogue lacks, 412 for a stale If-Match.</summary>
    /// <param name="versies">The versions the catalogue holds of <see cref="Opdracht.Nummer"/>, oldest first.</param>
    public static CriteriumVersie Beslis(IReadOnlyList<CriteriumVersie> versies, Opdracht o)
    {
        var huidig = versies.Count > 0 ? versies[^1] : throw DomainRuleException.NotFound($"Criterium {o.Nummer} staat niet in de catalogus.");
        o.Verwacht?.Check(huidig.Versie);
        return new CriteriumVersie
        {
            Id = CriteriumVersie.Sleutel(o.Nummer, huidig.Versie + 1),
            Nummer = o.Nummer,
            Versie = huidig.Versie + 1,
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
        var volgende = Beslis(await session.VersiesAsync(o.Nummer, ct), o);
        // A concurrent addition of the same number and version loses with 409 (VoegVersieToe inserts).
        session.VoegVersieToe(volgende);
        await session.SaveChangesAsync(ct);
        return volgende;
    }

    public static async Task<Ok<ZoekCriteria.Criterium>> Endpoint(int nummer, Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var volgende = await Handle(Opdracht.Van(nummer, verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(volgende.Versie);
        return TypedResults.Ok(ZoekCriteria.Criterium.Van(volgende));
    }
}
