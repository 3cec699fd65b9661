using System.Text.RegularExpressions;
using FluentValidation;

namespace RobuustOD.Domain;

/// <summary>
/// An OD code as the register issues them (ODG, DCMR, ODVeluwe): a letter, then letters or digits, 2 to 20 characters.
/// Every service checks a code with this one rule before it reaches a query, a stream key or a header (long or
/// non-ASCII keys break all three). Codes have no hyphen, so <c>{code}-{ronde}</c> identifiers can be split.
/// <para>
/// Codes are unique regardless of case, and kept as registered: <c>ODVeluwe</c> stays <c>ODVeluwe</c> (it is a stream
/// key, in URLs, tokens and CloudEvent subjects), but <c>odveluwe</c> or <c>ODVELUWE</c> can never be a second OD. Every
/// place that asks "is this code taken?" uses <see cref="Comparer"/> or <see cref="IsZelfde"/>; every store that must
/// enforce it under concurrency indexes <see cref="Sleutel"/> (PostgreSQL's <c>upper(...)</c>, equal for these ASCII
/// codes). Lookups stay exact: <c>odg</c> does not address <c>ODG</c>.
/// </para>
/// </summary>
public static partial class OdCode
{
    // \z, not $: $ also matches before a final newline, and "ODG\n" would reach a stream key or a header.
    public const string Pattern = "^[A-Za-z][A-Za-z0-9]{1,19}\\z";

    /// <summary>The pattern without anchors, for composite identifiers such as <c>ODG-2024</c>.</summary>
    public const string Fragment = "[A-Za-z][A-Za-z0-9]{1,19}";

    [GeneratedRegex(Pattern)]
    private static partial Regex Regex();

    public static bool IsGeldig(string? code) => code is not null && Regex().IsMatch(code);

    /// <summary>Compares codes as the register's uniqueness does: regardless of case (the codes are ASCII).</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> name the same OD code, regardless of case.</summary>
    public static bool IsZelfde(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the codes are the same regardless of case but are written differently (<c>odg</c>, <c>ODG</c>).</summary>
    public static bool VerschiltAlleenInHoofdletters(string? a, string? b) => IsZelfde(a, b) && !string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>
    /// The code's uniqueness key: the code in upper case. Unique indexes compute the same with <c>upper(...)</c>, so
    /// two codes that differ only in case collide in the store, not only in a check before the write.
    /// </summary>
    public static string Sleutel(string code) => code.ToUpperInvariant();

    /// <summary>The FluentValidation rule for a required OD code.</summary>
    public static IRuleBuilderOptions<T, string?> GeldigeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is verplicht.")
            .Must(IsGeldig).WithMessage("'{PropertyName}' moet een OD-code zijn: een letter, dan letters of cijfers, 2 tot 20 tekens (bijv. ODG).");

    /// <summary>Refuses a code that is not one before it is used to look anything up (400 on the named parameter).</summary>
    public static string Controleer(string? code, string parameter) => IsGeldig(code)
        ? code!
        : throw DomainRuleException.Invalid(parameter, $"'{parameter}' moet een OD-code zijn: een letter, dan letters of cijfers, 2 tot 20 tekens (bijv. ODG).");
}
