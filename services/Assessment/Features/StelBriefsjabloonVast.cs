using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// IenW sets a new version of a round's letter template (Liquid that renders Markdown); earlier versions stay. The same
/// subject and text as the current version add nothing, so PUT is idempotent.
/// </summary>
public static class StelBriefsjabloonVast
{
    public sealed record Verzoek(string? Onderwerp, string? Sjabloon);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Onderwerp).NotEmpty().PlainText(300);
            RuleFor(v => v.Sjabloon).NotEmpty().PlainText(200_000);
            RuleFor(v => v.Sjabloon).Custom((sjabloon, context) =>
            {
                if (!string.IsNullOrWhiteSpace(sjabloon) && Liquid.Fout(sjabloon) is { } fout)
                {
                    context.AddFailure(nameof(Verzoek.Sjabloon), $"Het sjabloon is geen geldige Liquid: {fout}");
                }
            });
        }
    }

    /// <summary>The template; <c>Verwacht</c> is compared with the current version number (0 while the round has none).</summary>
    public sealed record Opdracht(string Ronde, string Onderwerp, string Sjabloon, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string ronde, Verzoek v, Handeling handeling, ExpectedVersion? verwacht) =>
            new(ronde, v.Onderwerp!.Trim(), v.Sjabloon!, handeling, verwacht);
    }

    /// <summary>The version to insert, or null when the current version already reads exactly so.</summary>
    /// <param name="versies">The round's versions, oldest first.</param>
    public static BriefSjabloon? Beslis(IReadOnlyList<BriefSjabloon> versies, Opdracht o)
    {
        var huidig = versies.Count > 0 ? versies[^1] : null;
        o.Verwacht?.Check(huidig?.Versie ?? 0);
        if (huidig is not null && huidig.Onderwerp == o.Onderwerp && huidig.Sjabloon == o.Sjabloon)
        {
            return null;
        }

        var versie = (huidig?.Versie ?? 0) + 1;
        return new BriefSjabloon
        {
            Id = BriefSjabloon.Sleutel(o.Ronde, versie),
            Ronde = o.Ronde,
            Versie = versie,
            Onderwerp = o.Onderwerp,
            Sjabloon = o.Sjabloon,
            VastgesteldOp = o.Handeling.Op,
            VastgesteldDoor = o.Handeling.Door,
        };
    }

    /// <returns>The round's versions after the command, oldest first, and whether it added one.</returns>
    public static async Task<(IReadOnlyList<BriefSjabloon> Versies, bool Toegevoegd)> Handle(Opdracht o, IDocumentSession session,
        CancellationToken ct)
    {
        var versies = await session.VersiesAsync(o.Ronde, ct);
        var nieuw = Beslis(versies, o);
        if (nieuw is not null)
        {
            // Insert, not Store: a concurrent addition of the same version loses with 409.
            session.Insert(nieuw);
        }

        await session.SaveChangesAsync(ct);
        return nieuw is null ? (versies, false) : ([.. versies, nieuw], true);
    }

    public static async Task<Results<Created<HaalBriefsjabloonOp.SjabloonMetVersies>, Ok<HaalBriefsjabloonOp.SjabloonMetVersies>>> Endpoint(
        string ronde, Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var o = Opdracht.Van(BeoordelingId.ControleerRonde(ronde), verzoek, ctx.Handeling, ctx.Verwacht);
        var (versies, toegevoegd) = await Handle(o, ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(versies[^1].Versie);
        var resource = HaalBriefsjabloonOp.SjabloonMetVersies.Van(ctx.Api.BasePath, ronde, versies);
        return toegevoegd && versies.Count == 1
            ? TypedResults.Created(HaalBriefsjabloonOp.Pad(ctx.Api.BasePath, ronde), resource)
            : TypedResults.Ok(resource);
    }
}
