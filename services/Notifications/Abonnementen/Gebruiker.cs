using System.Security.Claims;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Notifications.Abonnementen;

/// <summary>
/// Who calls, as the subscription rules see it: a role and, for an OD's token, its code. A subscription belongs to its
/// creator's role (and OD): another caller of that role and OD may manage it, IenW manages every one; anyone else is
/// told it does not exist (404).
/// </summary>
public sealed record Gebruiker(string Rol, string? Od)
{
    public static Gebruiker Van(ClaimsPrincipal user)
    {
        string[] rollen = [Roles.Od, Roles.Ienw, Roles.Odnl, Roles.Beoordelaar, Roles.Ipo, Roles.Vng];
        var rol = rollen.FirstOrDefault(user.IsInRole) ?? "";
        return new Gebruiker(rol, rol == Roles.Od ? user.OdCode() ?? "" : null);
    }

    public bool Beheert(Abonnement abonnement) =>
        Rol == Roles.Ienw || (Rol == abonnement.Rol && string.Equals(Od, abonnement.Od, StringComparison.Ordinal));

    /// <summary>The subscription as this caller may see and manage it; 404 for a foreign, deleted or unknown one.</summary>
    public Abonnement Zichtbaar(Abonnement? abonnement, string id) =>
        abonnement is not null && abonnement.Status != AbonnementStatus.Verwijderd && Beheert(abonnement)
            ? abonnement
            : throw DomainRuleException.NotFound($"Abonnement '{id}' bestaat niet.");
}
