using FluentValidation;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Criteria;

/// <summary>The rules of a threshold, shared by adding a criterion and by a new version of one.</summary>
public sealed class DrempelValidator : AbstractValidator<Drempel>
{
    private static readonly string[] Operatoren = [">", ">=", "<", "<=", "="];

    public DrempelValidator()
    {
        RuleFor(d => d.Omschrijving).NotEmpty().PlainText(500);
        RuleFor(d => d.Operator).Must(o => Operatoren.Contains(o)).WithMessage("'operator' moet >, >=, <, <= of = zijn.");
        RuleFor(d => d.Eenheid).NotEmpty().PlainText(50);
        RuleFor(d => d.Grootheid).PlainText(200);
    }
}
