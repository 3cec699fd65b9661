using RobuustOD.Domain;
using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Criteria;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>The criteria catalogue: data, versioned; IenW adds criteria (also the non-public numbers) and new editions.</summary>
public static class CriteriaFeatures
{
    public sealed record Criterium(int Nummer, int Versie, string Titel, string? Vraag, Drempel? Drempel, string? Bron,
        DateTimeOffset VastgesteldOp, string VastgesteldDoor);

    public sealed record CriteriumMetVersies(Criterium Huidig, IReadOnlyList<Criterium> Versies);

    public sealed record Catalogus(IReadOnlyList<Criterium> Criteria);

    public sealed record NieuwCriterium(int? Nummer, string? Titel, string? Vraag, Drempel? Drempel, string? Bron);

    public sealed record NieuweVersie(string? Titel, string? Vraag, Drempel? Drempel, string? Bron);

    public sealed class NieuwCriteriumValidator : AbstractValidator<NieuwCriterium>
    {
        public NieuwCriteriumValidator()
        {
            RuleFor(c => c.Nummer).NotNull().InclusiveBetween(1, Criteria.Catalogus.HoogsteNummer);
            RuleFor(c => c.Titel).NotEmpty().PlainText(300);
            RuleFor(c => c.Vraag).PlainText(4000);
            RuleFor(c => c.Bron).PlainText(500);
            RuleFor(c => c.Drempel!).SetValidator(new DrempelValidator()).When(c => c.Drempel is not null);
        }
    }

    public sealed class NieuweVersieValidator : AbstractValidator<NieuweVersie>
    {
        public NieuweVersieValidator()
        {
            RuleFor(c => c.Titel).NotEmpty().PlainText(300);
            RuleFor(c => c.Vraag).PlainText(4000);
            RuleFor(c => c.Bron).PlainText(500);
            RuleFor(c => c.Drempel!).SetValidator(new DrempelValidator()).When(c => c.Drempel is not null);
        }
    }

    public sealed class DrempelValidator : AbstractValidator<Drempel>
    {
        private static readonly string[] Operatoren = [">", ">=", "<", "<=", "="];

        public DrempelValidator()
        {
            RuleFor(d => d.Omschrijving).NotEmpty().PlainText(500);
            RuleFor(d => d.Operator).Must(o => Operatoren.Contains(o)).WithMessage("'operator' moet >, >=, <, <= of = zijn.");
            RuleFor(d => d.Eenheid).NotEmpty().PlainText(50);
            RuleFor(d => d.Grootheid).PlainText(200);
        }
    }

    public static async Task<Ok<Catalogus>> Lijst(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(new Catalogus([.. (await session.HuidigeAsync(ct)).Values.OrderBy(c => c.Nummer).Select(Resource)]));

    public static async Task<Ok<CriteriumMetVersies>> HaalOp(int nummer, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var versies = await session.VersiesAsync(nummer, ct);
        if (versies.Count == 0)
        {
            throw DomainRuleException.NotFound($"Criterium {nummer} staat niet in de catalogus.");
        }

        response.SetETag(versies[^1].Versie);
        return TypedResults.Ok(new CriteriumMetVersies(Resource(versies[^1]), [.. versies.Select(Resource)]));
    }

    public static async Task<Created<Criterium>> VoegToe(NieuwCriterium verzoek, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var criterium = await VoegToeAsync(verzoek, user.Actor(), session, clock, ct);
        return TypedResults.Created($"{BeoordelingApi.Descriptor.BasePath}/criteria/{criterium.Nummer}", Resource(criterium));
    }

    public static async Task<CriteriumVersie> VoegToeAsync(NieuwCriterium verzoek, string door, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var criterium = new CriteriumVersie
        {
            Id = CriteriumVersie.Sleutel(verzoek.Nummer!.Value, 1),
            Nummer = verzoek.Nummer.Value,
            Versie = 1,
            Titel = verzoek.Titel!.Trim(),
            Vraag = verzoek.Vraag,
            Drempel = verzoek.Drempel,
            Bron = verzoek.Bron,
            VastgesteldOp = clock.GetUtcNow(),
            VastgesteldDoor = door,
        };
        if ((await session.VersiesAsync(criterium.Nummer, ct)).Count > 0)
        {
            throw DomainRuleException.Conflict($"Criterium {criterium.Nummer} staat al in de catalogus; wijzig het met een nieuwe versie.");
        }

        // Insert, not Store: a concurrent addition of the same number loses with 409.
        session.Insert(criterium);
        await session.SaveChangesAsync(ct);
        return criterium;
    }

    public static async Task<Ok<Criterium>> NieuweVersieVan(int nummer, NieuweVersie verzoek, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var versies = await session.VersiesAsync(nummer, ct);
        var huidig = versies.Count > 0 ? versies[^1] : throw DomainRuleException.NotFound($"Criterium {nummer} staat niet in de catalogus.");
        request.ExpectedVersion()?.Check(huidig.Versie);
        var volgende = new CriteriumVersie
        {
            Id = CriteriumVersie.Sleutel(nummer, huidig.Versie + 1),
            Nummer = nummer,
            Versie = huidig.Versie + 1,
            Titel = verzoek.Titel!.Trim(),
            Vraag = verzoek.Vraag,
            Drempel = verzoek.Drempel,
            Bron = verzoek.Bron,
            VastgesteldOp = clock.GetUtcNow(),
            VastgesteldDoor = user.Actor(),
        };
        session.Insert(volgende);
        await session.SaveChangesAsync(ct);
        response.SetETag(volgende.Versie);
        return TypedResults.Ok(Resource(volgende));
    }

    private static Criterium Resource(CriteriumVersie c) =>
        new(c.Nummer, c.Versie, c.Titel, c.Vraag, c.Drempel, c.Bron, c.VastgesteldOp, c.VastgesteldDoor);
}
