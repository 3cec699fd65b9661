using FluentValidation;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>The register's rule for a list of provinces (the OD code's rule is the shared <c>RobuustOD.Domain.OdCode</c>).</summary>
public static class ProvincieRegels
{
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> GeldigeProvincies<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' moet minstens één provincie bevatten.")
            .Must(p => p is null || p.All(Provincies.Bestaat))
            .WithMessage(p => $"'{{PropertyName}}' bevat een onbekende provincie; geldig zijn: {string.Join(", ", Provincies.Alle)}.")
            .Must(p => p is null || p.Distinct().Count() == p.Count).WithMessage("'{PropertyName}' bevat een provincie dubbel.");
}
