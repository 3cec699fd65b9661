using FluentValidation;

namespace RobuustOD.Subsidy;

/// <summary>
/// Money is <c>decimal</c> euros with at most two decimals (never floating point). A third decimal is a client's
/// mistake (400), not something to round away: rounding would commit an amount nobody asked for.
/// </summary>
public static class Geld
{
    public static bool HeeftHoogstensTweeDecimalen(decimal bedrag) => decimal.Round(bedrag, 2) == bedrag;

    /// <summary>An amount: not negative, at most two decimals, below a trillion.</summary>
    public static IRuleBuilderOptions<T, decimal?> Bedrag<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("'{PropertyName}' mag niet negatief zijn.")
            .LessThan(1_000_000_000_000m).WithMessage("'{PropertyName}' is te groot.")
            .Must(b => b is null || HeeftHoogstensTweeDecimalen(b.Value))
            .WithMessage("'{PropertyName}' is een bedrag in euro's met hoogstens twee decimalen.");

    /// <summary>An amount in a problem's detail: "1234.50", as the JSON has it.</summary>
    public static string Tekst(decimal bedrag) => bedrag.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An amount for display in a letter: "€ 1.234.567,89".</summary>
    public static string Euro(decimal bedrag) =>
        "€ " + bedrag.ToString("#,##0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
