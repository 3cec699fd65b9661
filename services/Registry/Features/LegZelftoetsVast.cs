using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry.Features;

/// <summary>Record the outcome of an OD's zelftoets: judged robust or not, and when.</summary>
public static class LegZelftoetsVast
{
    public sealed record Verzoek(bool? Robuust, DateOnly? BeoordeeldOp, string? Toelichting);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Robuust).NotNull().WithMessage("'robuust' is verplicht (true of false).");
            RuleFor(v => v.BeoordeeldOp).NotNull().WithMessage("'beoordeeldOp' is verplicht.");
            RuleFor(v => v.Toelichting).PlainText(4000);
        }
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Verzoek v)
    {
        if (od.OpgehevenOp is { } opgeheven && v.BeoordeeldOp >= opgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven op {opgeheven:yyyy-MM-dd}.");
        }

        var zelftoets = new Zelftoets(v.Robuust!.Value, v.BeoordeeldOp!.Value, v.Toelichting);
        if (od.Zelftoets != zelftoets)
        {
            yield return new ZelftoetsVastgelegd(zelftoets.Robuust, zelftoets.BeoordeeldOp, zelftoets.Toelichting);
        }
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx) =>
        ctx.Ok(await ctx.Schrijven().BeslisAsync(code, ctx.Http.Request, od => Beslis(od, verzoek), ctx.Ct));
}
