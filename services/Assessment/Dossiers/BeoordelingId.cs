using RobuustOD.Domain;
using System.Text.RegularExpressions;

namespace RobuustOD.Assessment.Dossiers;

/// <summary>An assessment is addressed as <c>{code}-{ronde}</c>, e.g. <c>ODG-2024</c>: OD codes have no hyphen.</summary>
public static partial class BeoordelingId
{
    public const string RondePattern = "^[0-9]{4}(-[a-z0-9]{1,20})?$";

    [GeneratedRegex("^(?<code>" + OdCode.Fragment + ")-(?<ronde>[0-9]{4}(-[a-z0-9]{1,20})?)\\z")]
    private static partial Regex Pattern();

    [GeneratedRegex(RondePattern)]
    private static partial Regex Ronde();

    public static bool IsGeldigeRonde(string? ronde) => ronde is not null && Ronde().IsMatch(ronde);

    /// <summary>Refuses a round that is not one before it is used to look anything up (400 on <c>ronde</c>).</summary>
    public static string ControleerRonde(string? ronde) => IsGeldigeRonde(ronde)
        ? ronde!
        : throw DomainRuleException.Invalid("ronde", "'ronde' is een jaartal, eventueel met een achtervoegsel: 2024, 2025-herbeoordeling.");

    public static string Van(string code, string ronde) => $"{code}-{ronde}";

    public static (string Code, string Ronde) Lees(string id) => Pattern().Match(id) is { Success: true } m
        ? (m.Groups["code"].Value, m.Groups["ronde"].Value)
        : throw DomainRuleException.NotFound($"Beoordeling '{id}' bestaat niet; een beoordeling heet <code>-<ronde>, bijv. ODG-2024.");
}
