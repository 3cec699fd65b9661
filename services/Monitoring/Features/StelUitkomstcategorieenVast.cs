using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring.Features;

/// <summary>IenW sets a new version of the outcome categories (If-Match); judgements keep the code they were given.</summary>
public static class StelUitkomstcategorieenVast
{
    public sealed record CategorieVerzoek(string? Code, string? Naam, string? Omschrijving);

    public sealed record Verzoek(IReadOnlyList<CategorieVerzoek>? Categorieen);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Categorieen).NotEmpty();
            RuleForEach(v => v.Categorieen).ChildRules(c =>
            {
                c.RuleFor(x => x.Code).NotEmpty().Matches(BeoordeelVoortgang.CodePattern)
                    .WithMessage("'code' moet lowerCamelCase zijn, 2 tot 40 tekens (bijv. onzeker).");
                c.RuleFor(x => x.Naam).NotEmpty().PlainText(200);
                c.RuleFor(x => x.Omschrijving).PlainText(2000);
            });
        }
    }

    public sealed record Opdracht(IReadOnlyList<Uitkomstcategorie> Categorieen, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling, ExpectedVersion? verwacht) =>
            new([.. v.Categorieen!.Select(c => new Uitkomstcategorie(c.Code!, c.Naam!, c.Omschrijving))], handeling, verwacht);
    }

    /// <summary>
    /// A new version numbered after the last; a code twice is 400, dropping a category the current escalation rules name
    /// is 409 (change the rules first). The same categories as now append nothing.
    /// </summary>
    public static IEnumerable<object> Beslis(Uitkomstcategorieen? huidig, EscalatieregelsVersie? regels, Opdracht o)
    {
        StelEscalatieregelsVast.Uniek(o.Categorieen.Select(c => c.Code), "categorieen", "uitkomstcategorie");
        var codes = o.Categorieen.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        if (regels?.Regels.SelectMany(r => r.Uitkomsten).FirstOrDefault(u => !codes.Contains(u)) is { } genoemd)
        {
            throw DomainRuleException.Conflict("categorieen", $"De escalatieregels noemen uitkomstcategorie '{genoemd}': pas eerst de regels aan.");
        }

        if (huidig?.Huidig is { } nu && nu.Categorieen.SequenceEqual(o.Categorieen))
        {
            return [];
        }

        return [new UitkomstcategorieenVastgesteld((huidig?.Versies.Count ?? 0) + 1, o.Categorieen, o.Handeling.Op)];
    }

    public static async Task<Uitkomstcategorieen> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var regels = await session.Events.FetchLatest<Escalatieregels>(Escalatieregels.StreamKey, ct);
        await session.DecideAsync<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, o.Verwacht, o.Handeling, c => Beslis(c, regels?.Huidig, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, ct))!;
    }

    public static async Task<Ok<HaalUitkomstcategorieenOp.CategorieenResource>> Endpoint(Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var categorieen = await Handle(Opdracht.Van(verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(categorieen.Version);
        return TypedResults.Ok(HaalUitkomstcategorieenOp.CategorieenResource.Van(categorieen.Huidig!));
    }
}

public static class HaalUitkomstcategorieenOp
{
    /// <summary>Any version, e.g. the one a judgement was given under.</summary>
    public static async Task<Ok<CategorieenResource>> Versie(int versie, [AsParameters] MonitoringContext ctx)
    {
        var categorieen = await ctx.Session.Events.FetchLatest<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, ctx.Ct);
        return TypedResults.Ok(CategorieenResource.Van(categorieen?.Versies.FirstOrDefault(v => v.Versie == versie)
            ?? throw DomainRuleException.NotFound($"Versie {versie} van de uitkomstcategorieën bestaat niet.")));
    }

    /// <summary>De uitkomstcategorieën van een oordeel (huidige versie).</summary>
    public sealed record CategorieenResource(int Versie, IReadOnlyList<Uitkomstcategorie> Categorieen, DateTimeOffset VastgesteldOp)
    {
        public static CategorieenResource Van(UitkomstcategorieenVersie v) => new(v.Versie, v.Categorieen, v.VastgesteldOp.ToUniversalTime());
    }

    public static async Task<Ok<CategorieenResource>> Endpoint([AsParameters] MonitoringContext ctx)
    {
        var categorieen = await ctx.Session.Events.FetchLatest<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, ctx.Ct);
        var huidig = categorieen?.Huidig ?? throw DomainRuleException.NotFound("Er zijn nog geen uitkomstcategorieën vastgesteld.");
        ctx.Http.Response.SetETag(categorieen.Version);
        return TypedResults.Ok(CategorieenResource.Van(huidig));
    }
}
