using System.Text.RegularExpressions;
using FluentValidation;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>
/// An OD code (ODG, DCMR, ODVeluwe): a letter, then letters or digits, at most 20.
/// Checked before anything reaches Marten or a header (long or non-ASCII keys break both).
/// </summary>
public static partial class OmgevingsdienstCode
{
    public const string Pattern = "^[A-Za-z][A-Za-z0-9]{1,19}$";

    [GeneratedRegex(Pattern)]
    private static partial Regex Regex();

    public static bool IsGeldig(string? code) => code is not null && Regex().IsMatch(code);

    public static IRuleBuilderOptions<T, string?> GeldigeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is verplicht.")
            .Must(IsGeldig).WithMessage("'{PropertyName}' moet een OD-code zijn: een letter, dan letters of cijfers, 2 tot 20 tekens (bijv. ODG).");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> GeldigeProvincies<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' moet minstens één provincie bevatten.")
            .Must(p => p is null || p.All(Provincies.Bestaat))
            .WithMessage(p => $"'{{PropertyName}}' bevat een onbekende provincie; geldig zijn: {string.Join(", ", Provincies.Alle)}.")
            .Must(p => p is null || p.Distinct().Count() == p.Count).WithMessage("'{PropertyName}' bevat een provincie dubbel.");
}
