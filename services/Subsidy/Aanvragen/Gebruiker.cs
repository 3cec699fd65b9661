using System.Security.Claims;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Aanvragen;

/// <summary>
/// Who acts, as the access rules of requests see it: an OD (only its own requests), ODNL or IenW (the handlers: each
/// handles the schemes it owns; IenW reads everything), or IPO/VNG (aggregates only). Commands carry it, so the rules
/// are decided in the pure decisions and tested there.
/// </summary>
public sealed record Gebruiker(string Rol, string? Od)
{
    public static Gebruiker Seed { get; } = new(Roles.Odnl, null);

    public static Gebruiker Van(ClaimsPrincipal user)
    {
        string[] rollen = [Roles.Od, Roles.Ienw, Roles.Odnl, Roles.Beoordelaar, Roles.Ipo, Roles.Vng];
        var rol = rollen.FirstOrDefault(user.IsInRole) ?? "";
        return new Gebruiker(rol, rol == Roles.Od ? user.OdCode() ?? "" : null);
    }

    /// <summary>The scheme owner this caller is, if any.</summary>
    public Eigenaar? AlsEigenaar => Rol switch
    {
        Roles.Odnl => Eigenaar.Odnl,
        Roles.Ienw => Eigenaar.Ienw,
        _ => null,
    };

    /// <summary>
    /// Whether the request exists for this caller: its own OD, the owner of its scheme, or IenW (which reads everything).
    /// Anyone else is told it does not exist (404), never that it belongs to someone else.
    /// </summary>
    public bool Ziet(Aanvraag aanvraag) => Rol switch
    {
        Roles.Od => Od == aanvraag.Omgevingsdienst,
        Roles.Ienw => true,
        Roles.Odnl => aanvraag.Behandelaar == Eigenaar.Odnl,
        _ => false,
    };

    /// <summary>The request as this caller may act on it as applicant (the OD, or a handler on its behalf); 404 otherwise.</summary>
    public Aanvraag AlsAanvrager(Aanvraag? aanvraag, string id) =>
        aanvraag is not null && Ziet(aanvraag) ? aanvraag : throw NietGevonden(id);

    /// <summary>The request as its scheme's owner handles it: 404 when the caller cannot see it, 403 when it may only read.</summary>
    public Aanvraag AlsBehandelaar(Aanvraag? aanvraag, string id)
    {
        var zichtbaar = AlsAanvrager(aanvraag, id);
        return AlsEigenaar == zichtbaar.Behandelaar
            ? zichtbaar
            : throw DomainRuleException.Forbidden(
                $"Aanvragen onder regeling '{zichtbaar.Regeling}' worden behandeld door {Naam(zichtbaar.Behandelaar)}.");
    }

    public static DomainRuleException NietGevonden(string id) => DomainRuleException.NotFound($"Aanvraag '{id}' bestaat niet.");

    public static string Naam(Eigenaar eigenaar) => eigenaar == Eigenaar.Odnl ? "Omgevingsdienst NL (odnl)" : "IenW (ienw)";
}
