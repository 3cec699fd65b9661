using RobuustOD.Domain;
using System.Text.RegularExpressions;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Assessment.Dossiers;

/// <summary>An assessment is addressed as <c>{code}-{ronde}</c>, e.g. <c>ODG-2024</c>: OD codes have no hyphen.</summary>
public static partial class BeoordelingId
{
    public const string RondePattern = "^[0-9]{4}(-[a-z0-9]{1,20})?$";

    [GeneratedRegex("^(?<code>" + OdCode.Fragment + ")-(?<ronde>[0-9]{4}(-[a-z0-9]{1,20})?)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(RondePattern)]
    private static partial Regex Ronde();

    public static bool IsGeldigeRonde(string? ronde) => ronde is not null && Ronde().IsMatch(ronde);

    public static string Van(string code, string ronde) => $"{code}-{ronde}";

    public static (string Code, string Ronde) Lees(string id) => Pattern().Match(id) is { Success: true } m
        ? (m.Groups["code"].Value, m.Groups["ronde"].Value)
        : throw DomainRuleException.NotFound($"Beoordeling '{id}' bestaat niet; een beoordeling heet <code>-<ronde>, bijv. ODG-2024.");
}
