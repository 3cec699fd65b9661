using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.EventStore;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// An OD named in a joint plan that another named OD handed in consents to it, for itself (or IenW on its behalf).
/// The consent is recorded on the stream of every OD the plan names; with the last one the plan becomes part of the
/// dossier of each, in the same transaction. Consenting again, or to a plan that is already joint, changes nothing
/// (200, idempotent); a plan that does not name the OD, or does not exist, is 404 for it.
/// </summary>
public static class StemInMetPlanVanAanpak
{
    /// <summary><c>omgevingsdienst</c>: the OD that consents; an OD's token may only name itself.</summary>
    public sealed record Verzoek(string? Omgevingsdienst);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Omgevingsdienst).GeldigeCode();
    }

    public sealed record Opdracht(Guid PlanId, string Omgevingsdienst, Handeling Handeling)
    {
        public static Opdracht Van(Guid planId, Verzoek v, Handeling handeling) => new(planId, v.Omgevingsdienst!, handeling);
    }

    /// <summary>
    /// The events for the dossier of one OD the plan names (every named dossier gets the same): the consent, and, when it
    /// is the last one missing, the plan becoming joint. Nothing when the OD consented already or the plan is joint.
    /// </summary>
    public static IEnumerable<object> Beslis(Beoordelingsdossier? dossier, Opdracht o)
    {
        if (dossier?.Plan(o.PlanId) is { } plan && plan.Omgevingsdiensten.Contains(o.Omgevingsdienst, StringComparer.Ordinal))
        {
            return [];
        }

        if (dossier?.InAfwachting(o.PlanId) is not { } afwachting
            || !afwachting.Plan.Omgevingsdiensten.Contains(o.Omgevingsdienst, StringComparer.Ordinal))
        {
            throw DomainRuleException.NotFound(
                $"Er is geen gezamenlijk plan van aanpak {o.PlanId} dat de instemming van {o.Omgevingsdienst} vraagt.");
        }

        if (afwachting.Ingestemd.Contains(o.Omgevingsdienst, StringComparer.Ordinal))
        {
            return [];
        }

        var instemming = new InstemmingGegeven(o.PlanId, o.Omgevingsdienst, o.Handeling.Door);
        return afwachting.WachtOp.Count == 1 ? [instemming, new GezamenlijkPlanVastgesteld(o.PlanId, o.Handeling.Door)] : [instemming];
    }

    /// <summary>
    /// Decides on the consenting OD's dossier first (404 there ends it), then on the dossier of every other OD the plan
    /// names; one commit for all. A concurrent consent on the same plan loses on the stream versions (409), so the plan
    /// becomes joint exactly once. Returns the consenting OD's dossier.
    /// </summary>
    public static async Task<Beoordelingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var eigen = await session.DecideAsync<Beoordelingsdossier>(o.Omgevingsdienst, null, o.Handeling, d => Beslis(d, o), ct);
        var dossier = eigen.Aggregate!;
        var plan = dossier.InAfwachting(o.PlanId)?.Plan ?? dossier.Plan(o.PlanId)!;
        foreach (var code in plan.Omgevingsdiensten.Where(c => c != o.Omgevingsdienst))
        {
            await session.DecideAsync<Beoordelingsdossier>(code, null, o.Handeling, d => Beslis(d, o), ct);
        }

        await session.SaveChangesAsync(ct);
        return (await session.DossierAsync(o.Omgevingsdienst, ct))!;
    }

    public static async Task<Ok<RegistreerPlanVanAanpak.Plan>> Endpoint(Guid id, Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        // Object-level access: an OD consents only for itself (403); IenW may consent on an OD's behalf.
        ctx.User.EnsureHandeltVoor([verzoek.Omgevingsdienst!]);
        var dossier = await Handle(Opdracht.Van(id, verzoek, ctx.Handeling), ctx.Session, ctx.Ct);
        return TypedResults.Ok(RegistreerPlanVanAanpak.Plan.Van(dossier, id, ctx.Api.BasePath));
    }
}
