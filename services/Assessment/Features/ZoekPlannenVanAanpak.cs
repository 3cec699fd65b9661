using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;

namespace RobuustOD.Assessment.Features;

/// <summary>The plans of approach of one OD: for the OD itself and the programme's partners, not for another OD.</summary>
public static class ZoekPlannenVanAanpak
{
    public sealed record Plannen(IReadOnlyList<RegistreerPlanVanAanpak.Plan> PlannenVanAanpak);

    public static async Task<Ok<Plannen>> Endpoint(string omgevingsdienst, [AsParameters] BeoordelingContext ctx)
    {
        OdCode.Controleer(omgevingsdienst, "omgevingsdienst");
        if (!ctx.User.MagZienVan(omgevingsdienst))
        {
            throw DomainRuleException.Forbidden("Een omgevingsdienst ziet alleen zijn eigen plannen van aanpak.");
        }

        var dossier = await ctx.Session.DossierAsync(omgevingsdienst, ctx.Ct);
        return TypedResults.Ok(new Plannen([.. (dossier?.Plannen ?? []).Select(RegistreerPlanVanAanpak.Plan.Van)]));
    }
}
