using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// A new version of a scheme, set by its owner (If-Match). It applies to requests submitted after it: a submitted
/// request keeps the version it was submitted under. The ceiling moves with it into the budget, in the same commit.
/// </summary>
public static class StelRegelingVast
{
    /// <summary>Every rule must be present (a PUT replaces the version); null = unknown, does not restrict.</summary>
    public sealed record Verzoek(
        string? Naam,
        Eigenaar? Eigenaar,
        [property: JsonRequired] decimal? Plafond,
        [property: JsonRequired] DateOnly? OpenVan,
        [property: JsonRequired] DateOnly? OpenTot,
        [property: JsonRequired] DateOnly? ActiviteitenUiterlijk,
        [property: JsonRequired] decimal? MaximumPerOd,
        IReadOnlyList<string>? Kostencategorieen,
        [property: JsonRequired] int? BeslistermijnWeken,
        [property: JsonRequired] decimal? VoorschotPercentage,
        [property: JsonRequired] DateOnly? VerantwoordingUiterlijk,
        [property: JsonRequired] decimal? VierOgenVanaf,
        bool? FusieOfOpsplitsingVereist);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Naam).NotEmpty().PlainText(200);
            RuleFor(v => v.Eigenaar).NotNull().IsInEnum();
            RuleFor(v => v.Plafond).Bedrag();
            RuleFor(v => v.MaximumPerOd).Bedrag();
            RuleFor(v => v.VierOgenVanaf).Bedrag();
            RuleFor(v => v.VoorschotPercentage).InclusiveBetween(0, 100).PrecisionScale(5, 2, true);
            RuleFor(v => v.BeslistermijnWeken).InclusiveBetween(1, 104);
            RuleFor(v => v.Kostencategorieen).NotNull();
            RuleForEach(v => v.Kostencategorieen).NotEmpty().PlainText(100);
            RuleFor(v => v.FusieOfOpsplitsingVereist).NotNull();
            RuleFor(v => v.OpenTot).GreaterThanOrEqualTo(v => v.OpenVan)
                .When(v => v.OpenVan is not null && v.OpenTot is not null).WithMessage("'openTot' ligt voor 'openVan'.");
        }
    }

    /// <param name="Door">The caller as owner (null: the seed, which may create the scheme).</param>
    public sealed record Opdracht(string Code, Regels Regels, Eigenaar? Door, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string code, Verzoek v, Eigenaar? door, Handeling handeling, ExpectedVersion? verwacht) =>
            new(code, new Regels(v.Naam!.Trim(), v.Eigenaar!.Value, v.Plafond, v.OpenVan, v.OpenTot, v.ActiviteitenUiterlijk,
                v.MaximumPerOd, [.. v.Kostencategorieen!.Select(k => k.Trim())], v.BeslistermijnWeken, v.VoorschotPercentage,
                v.VerantwoordingUiterlijk, v.VierOgenVanaf, v.FusieOfOpsplitsingVereist!.Value), door, handeling, verwacht);

        public bool IsSeed => Door is null;
    }

    /// <summary>The scheme's new version; a change that changes nothing appends nothing (PUT is idempotent).</summary>
    public static IEnumerable<object> Beslis(Regeling? regeling, Opdracht o)
    {
        if (regeling is null)
        {
            return o.IsSeed
                ? [new RegelingVastgesteld(o.Code, 1, o.Regels, o.Handeling.Op)]
                : throw DomainRuleException.NotFound($"Regeling '{o.Code}' bestaat niet.");
        }

        var huidige = regeling.Huidige.Regels;
        if (!o.IsSeed && o.Door != huidige.Eigenaar)
        {
            throw DomainRuleException.Forbidden($"Regeling '{o.Code}' wordt vastgesteld door haar eigenaar, {Gebruiker.Naam(huidige.Eigenaar)}.");
        }

        if (o.Regels.Eigenaar != huidige.Eigenaar)
        {
            throw DomainRuleException.Conflict("eigenaar", $"De eigenaar van regeling '{o.Code}' is {Gebruiker.Naam(huidige.Eigenaar)}; die verandert niet met een nieuwe versie.");
        }

        return Gelijk(huidige, o.Regels) ? [] : [new RegelingVastgesteld(o.Code, regeling.Huidige.Versie + 1, o.Regels, o.Handeling.Op)];
    }

    /// <summary>The ceiling follows the scheme; it cannot go below what is committed.</summary>
    public static IEnumerable<object> BeslisBudget(Budget? budget, Opdracht o)
    {
        if (budget is null)
        {
            return [new BudgetGeopend(o.Code, o.Regels.Plafond)];
        }

        if (budget.Plafond == o.Regels.Plafond)
        {
            return [];
        }

        return o.Regels.Plafond < budget.Verplicht
            ? throw DomainRuleException.Conflict("plafond",
                $"Het plafond kan niet lager zijn dan wat al is verleend ({Geld.Tekst(budget.Verplicht)}).")
            : [new PlafondGewijzigd(o.Regels.Plafond)];
    }

    private static bool Gelijk(Regels a, Regels b) =>
        a with { Kostencategorieen = [] } == b with { Kostencategorieen = [] } && a.Kostencategorieen.SequenceEqual(b.Kostencategorieen);

    public static async Task<Regeling> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var key = Regeling.StreamKey(o.Code);
        await session.DecideAsync<Regeling>(key, o.Verwacht, o.Handeling, r => Beslis(r, o), ct);
        await session.DecideAsync<Budget>(Budget.StreamKey(o.Code), null, o.Handeling, b => BeslisBudget(b, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Regeling>(key, ct))!;
    }

    public static async Task<Ok<RegelingResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        // Only the seed acts without an owner role; the route's policy admits the owner roles only.
        var door = ctx.Gebruiker.AlsEigenaar ?? throw DomainRuleException.Forbidden("Alleen de eigenaar van een regeling stelt haar vast.");
        var regeling = await Handle(Opdracht.Van(HaalRegelingOp.Controleer(code), verzoek, door, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        var budget = await ctx.Session.Events.FetchLatest<Budget>(Budget.StreamKey(code), ctx.Ct);
        ctx.Http.Response.SetETag(regeling.Version);
        return TypedResults.Ok(RegelingResource.Van(regeling, budget, ctx.Api));
    }
}
