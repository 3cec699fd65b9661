using FluentValidation;

namespace RobuustOD.HttpDefaults.Validation;

public static class CommonRules
{
    // PostgreSQL cannot store NUL in jsonb and control characters have no place in register data.
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength)
            .Must(value => value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .WithMessage("'{PropertyName}' bevat niet-toegestane (controle)tekens.");
}
