using RobuustOD.Domain;
using System.Security.Claims;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Assessment.Dossiers;

/// <summary>
/// Object-level access (OWASP API1): an OD acts and reads only for itself, whatever the path or body says;
/// drafts are for IenW and the assessor only.
/// </summary>
public static class Toegang
{
    public static void EnsureHandeltVoor(this ClaimsPrincipal user, IEnumerable<string> codes)
    {
        if (user.IsInRole(Roles.Od) && !codes.Contains(user.OdCode(), StringComparer.Ordinal))
        {
            throw DomainRuleException.Forbidden("Een omgevingsdienst kan alleen voor zichzelf handelen.");
        }
    }

    public static bool MagZien(this ClaimsPrincipal user, string code, Beoordeling beoordeling) =>
        beoordeling.Status == BeoordelingStatus.Concept
            ? user.IsInRole(Roles.Ienw) || user.IsInRole(Roles.Beoordelaar)
            : user.MagZienVan(code);

    /// <summary>
    /// Joint plans that wait for consent are shown to IenW and the assessor, and to the OD itself (the filer, or an OD
    /// asked to consent); the partners see a plan once it is part of the dossier.
    /// </summary>
    public static bool MagPlannenInAfwachtingZienVan(this ClaimsPrincipal user, string code) =>
        user.IsInRole(Roles.Od) ? user.OdCode() == code : user.IsInRole(Roles.Ienw) || user.IsInRole(Roles.Beoordelaar);

    public static bool MagZienVan(this ClaimsPrincipal user, string code) =>
        user.IsInRole(Roles.Od) ? user.OdCode() == code
            : user.IsInRole(Roles.Ienw) || user.IsInRole(Roles.Beoordelaar) || user.IsInRole(Roles.Ipo)
              || user.IsInRole(Roles.Vng) || user.IsInRole(Roles.Odnl);
}
