using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// The plans of approach of one OD: for the OD itself and the programme's partners, not for another OD. Joint plans
/// that still wait for consent are not the OD's plans: they are listed apart (<c>plannenInAfwachting</c>), for IenW, the
/// assessor and the OD itself only (the filer, or an OD asked to consent); the partners get an empty list.
/// </summary>
public static class ZoekPlannenVanAanpak
{
    public sealed record Plannen(IReadOnlyList<RegistreerPlanVanAanpak.Plan> PlannenVanAanpak,
        IReadOnlyList<RegistreerPlanVanAanpak.Plan> PlannenInAfwachting);

    public static async Task<Ok<Plannen>> Endpoint(string omgevingsdienst, [AsParameters] BeoordelingContext ctx)
    {
        OdCode.Controleer(omgevingsdienst, "omgevingsdienst");
        if (!ctx.User.MagZienVan(omgevingsdienst))
        {
            throw DomainRuleException.Forbidden("Een omgevingsdienst ziet alleen zijn eigen plannen van aanpak.");
        }

        var dossier = await ctx.Session.DossierAsync(omgevingsdienst, ctx.Ct);
        var basePath = ctx.Api.BasePath;
        IReadOnlyList<PlanInAfwachting> inAfwachting = ctx.User.MagPlannenInAfwachtingZienVan(omgevingsdienst) ? dossier?.PlannenInAfwachting ?? [] : [];
        return TypedResults.Ok(new Plannen(
            [.. (dossier?.Plannen ?? []).Select(p => RegistreerPlanVanAanpak.Plan.Van(p, basePath))],
            [.. inAfwachting.Select(p => RegistreerPlanVanAanpak.Plan.Van(p, basePath))]));
    }
}
