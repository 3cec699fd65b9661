using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry.Features;

/// <summary>Change an OD's details (merge-patch: fields left out stay as they are).</summary>
public static class WijzigOmgevingsdienst
{
    public sealed record Verzoek(string? Naam, IReadOnlyList<string>? Provincies, int? AantalDeelnemers);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v).Must(v => v.Naam is not null || v.Provincies is not null || v.AantalDeelnemers is not null)
                .WithName("verzoek").WithMessage("Geef minstens één van 'naam', 'provincies' of 'aantalDeelnemers'.");
            RuleFor(v => v.Naam).NotEmpty().PlainText(200).When(v => v.Naam is not null);
            RuleFor(v => v.Provincies).GeldigeProvincies().When(v => v.Provincies is not null);
            RuleFor(v => v.AantalDeelnemers).GreaterThan(0).LessThan(1000);
        }
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Verzoek v)
    {
        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven en kan niet meer worden gewijzigd.");
        }

        var gewijzigd = new OmgevingsdienstGewijzigd(v.Naam?.Trim() ?? od.Naam, v.Provincies ?? od.Provincies,
            v.AantalDeelnemers ?? od.AantalDeelnemers);
        if (gewijzigd.Naam != od.Naam || !gewijzigd.Provincies.SequenceEqual(od.Provincies) || gewijzigd.AantalDeelnemers != od.AantalDeelnemers)
        {
            yield return gewijzigd;
        }
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx) =>
        ctx.Ok(await ctx.Schrijven().BeslisAsync(code, ctx.Http.Request, od => Beslis(od, verzoek), ctx.Ct));
}
