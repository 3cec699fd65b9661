using System.Text.RegularExpressions;
using FluentValidation;

namespace RobuustOD.Domain;

/// <summary>
/// An OD code as the register issues them (ODG, DCMR, ODVeluwe): a letter, then letters or digits, 2 to 20 characters.
/// Every service checks a code with this one rule before it reaches a query, a stream key or a header (long or
/// non-ASCII keys break all three). Codes have no hyphen, so <c>{code}-{ronde}</c> identifiers can be split.
/// </summary>
public static partial class OdCode
{
    public const string Pattern = "^[A-Za-z][A-Za-z0-9]{1,19}$";

    /// <summary>The pattern without anchors, for composite identifiers such as <c>ODG-2024</c>.</summary>
    public const string Fragment = "[A-Za-z][A-Za-z0-9]{1,19}";

    [GeneratedRegex(Pattern)]
    private static partial Regex Regex();

    public static bool IsGeldig(string? code) => code is not null && Regex().IsMatch(code);

    /// <summary>The FluentValidation rule for a required OD code.</summary>
    public static IRuleBuilderOptions<T, string?> GeldigeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is verplicht.")
            .Must(IsGeldig).WithMessage("'{PropertyName}' moet een OD-code zijn: een letter, dan letters of cijfers, 2 tot 20 tekens (bijv. ODG).");

    /// <summary>Refuses a code that is not one before it is used to look anything up (400 on the named parameter).</summary>
    public static string Controleer(string? code, string parameter) => IsGeldig(code)
        ? code!
        : throw DomainRuleException.Invalid(parameter, $"'{parameter}' moet een OD-code zijn: een letter, dan letters of cijfers, 2 tot 20 tekens (bijv. ODG).");
}
