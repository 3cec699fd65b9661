using RobuustOD.Domain;
using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// The letter templates per round: everyone logged in reads them, IenW sets a new version. The ETag is the current
/// version number (0 while the round has none); If-Match with an older one is 412.
/// </summary>
public static class SjabloonBeheer
{
    public sealed record Versie(int Nummer, string Onderwerp, DateTimeOffset VastgesteldOp, string VastgesteldDoor, string Href);

    public sealed record Sjabloonversie(string Ronde, int Versie, string Onderwerp, string Sjabloon, DateTimeOffset VastgesteldOp,
        string VastgesteldDoor);

    public sealed record SjabloonMetVersies(string Ronde, Sjabloonversie Huidig, IReadOnlyList<Versie> Versies);

    public sealed record NieuweVersie(string? Onderwerp, string? Sjabloon);

    public sealed class NieuweVersieValidator : AbstractValidator<NieuweVersie>
    {
        public NieuweVersieValidator()
        {
            RuleFor(v => v.Onderwerp).NotEmpty().PlainText(300);
            RuleFor(v => v.Sjabloon).NotEmpty().PlainText(200_000);
            RuleFor(v => v.Sjabloon).Custom((sjabloon, context) =>
            {
                if (!string.IsNullOrWhiteSpace(sjabloon) && Liquid.Fout(sjabloon) is { } fout)
                {
                    context.AddFailure(nameof(NieuweVersie.Sjabloon), $"Het sjabloon is geen geldige Liquid: {fout}");
                }
            });
        }
    }

    public static async Task<Ok<SjabloonMetVersies>> HaalOp(string ronde, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var versies = await BestaandeVersiesAsync(session, ronde, ct);
        response.SetETag(versies[^1].Versie);
        return TypedResults.Ok(Resource(ronde, versies));
    }

    public static async Task<Ok<Sjabloonversie>> HaalVersieOp(string ronde, int versie, IQuerySession session, CancellationToken ct)
    {
        var versies = await BestaandeVersiesAsync(session, ronde, ct);
        var gekozen = versies.FirstOrDefault(v => v.Versie == versie)
            ?? throw DomainRuleException.NotFound($"Het briefsjabloon van ronde {ronde} heeft geen versie {versie}.");
        return TypedResults.Ok(Resource(gekozen));
    }

    /// <summary>A new version; the same subject and text as the current version changes nothing (PUT is idempotent).</summary>
    public static async Task<Results<Created<SjabloonMetVersies>, Ok<SjabloonMetVersies>>> StelVast(string ronde, NieuweVersie verzoek,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        ControleerRonde(ronde);
        var versies = await session.VersiesAsync(ronde, ct);
        var huidig = versies.Count > 0 ? versies[^1] : null;
        request.ExpectedVersion()?.Check(huidig?.Versie ?? 0);

        var onderwerp = verzoek.Onderwerp!.Trim();
        if (huidig is not null && huidig.Onderwerp == onderwerp && huidig.Sjabloon == verzoek.Sjabloon)
        {
            response.SetETag(huidig.Versie);
            return TypedResults.Ok(Resource(ronde, versies));
        }

        var nieuw = session.VoegVersieToe(huidig, ronde, onderwerp, verzoek.Sjabloon!, user.Actor(), clock.GetUtcNow());
        await session.SaveChangesAsync(ct);
        response.SetETag(nieuw.Versie);
        var resource = Resource(ronde, [.. versies, nieuw]);
        return huidig is null ? TypedResults.Created(Pad(ronde), resource) : TypedResults.Ok(resource);
    }

    private static async Task<IReadOnlyList<BriefSjabloon>> BestaandeVersiesAsync(IQuerySession session, string ronde, CancellationToken ct)
    {
        ControleerRonde(ronde);
        var versies = await session.VersiesAsync(ronde, ct);
        return versies.Count > 0 ? versies : throw DomainRuleException.NotFound($"Er is (nog) geen briefsjabloon voor ronde {ronde}.");
    }

    private static void ControleerRonde(string ronde)
    {
        if (!BeoordelingId.IsGeldigeRonde(ronde))
        {
            throw DomainRuleException.Invalid("ronde", "'ronde' is een jaartal, eventueel met een achtervoegsel: 2024, 2025-herbeoordeling.");
        }
    }

    private static string Pad(string ronde) => $"{BeoordelingApi.Descriptor.BasePath}/briefsjablonen/{ronde}";

    private static SjabloonMetVersies Resource(string ronde, IReadOnlyList<BriefSjabloon> versies) =>
        new(ronde, Resource(versies[^1]), [.. versies.Select(v => new Versie(v.Versie, v.Onderwerp, v.VastgesteldOp, v.VastgesteldDoor,
            $"{Pad(ronde)}/versies/{v.Versie}"))]);

    private static Sjabloonversie Resource(BriefSjabloon s) => new(s.Ronde, s.Versie, s.Onderwerp, s.Sjabloon, s.VastgesteldOp, s.VastgesteldDoor);
}
