using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Subsidy.Beschikkingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// A new version of the decision letter's template (ODNL or IenW, who both issue decisions); If-Match with the current
/// version's ETag. The same text as the current version adds nothing.
/// </summary>
public static class StelBeschikkingsjabloonVast
{
    public sealed record Verzoek(string? Onderwerp, string? Sjabloon);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Onderwerp).NotEmpty().PlainText(300);
            RuleFor(v => v.Sjabloon).NotEmpty().PlainText(100_000)
                .Must(s => s is null || Beschikking.Fout(s) is null).WithMessage(v => $"'sjabloon' is geen geldige Liquid: {Beschikking.Fout(v.Sjabloon ?? "")}");
        }
    }

    public sealed record Opdracht(string Onderwerp, string Sjabloon, Handeling Handeling, ExpectedVersion? Verwacht);

    /// <summary>The new version, or null when it would repeat the current one.</summary>
    public static BeschikkingSjabloon? Beslis(BeschikkingSjabloon? huidige, Opdracht o)
    {
        o.Verwacht?.Check(huidige?.Versie ?? 0);
        return huidige is not null && huidige.Onderwerp == o.Onderwerp && huidige.Sjabloon == o.Sjabloon
            ? null
            : new BeschikkingSjabloon
            {
                Id = BeschikkingSjabloon.Sleutel((huidige?.Versie ?? 0) + 1),
                Versie = (huidige?.Versie ?? 0) + 1,
                Onderwerp = o.Onderwerp,
                Sjabloon = o.Sjabloon,
                VastgesteldOp = o.Handeling.Op,
                VastgesteldDoor = o.Handeling.Door,
            };
    }

    public static async Task<BeschikkingSjabloon> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var huidige = await session.HuidigAsync(ct);
        if (Beslis(huidige, o) is not { } nieuw)
        {
            return huidige!;
        }

        // Insert, not store: two versions set at once cannot both become the same version number.
        session.Insert(nieuw);
        await session.SaveChangesAsync(ct);
        return nieuw;
    }

    public static async Task<Ok<BeschikkingSjabloon>> Endpoint(Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        var sjabloon = await Handle(new Opdracht(verzoek.Onderwerp!.Trim(), verzoek.Sjabloon!, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(sjabloon.Versie);
        return TypedResults.Ok(sjabloon);
    }
}

public static class HaalBeschikkingsjabloonOp
{
    public static async Task<Ok<BeschikkingSjabloon>> Endpoint([AsParameters] SubsidieContext ctx)
    {
        var sjabloon = await ctx.Session.HuidigAsync(ctx.Ct)
            ?? throw DomainRuleException.NotFound("Er is (nog) geen beschikkingsjabloon.");
        ctx.Http.Response.SetETag(sjabloon.Versie);
        return TypedResults.Ok(sjabloon);
    }
}
