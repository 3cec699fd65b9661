using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Registry.Features;

public static class TrekSevesoIn
{
    public sealed record Verzoek(DateOnly? Einddatum);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Einddatum).NotNull().WithMessage("'einddatum' is verplicht.");
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Verzoek v)
    {
        var lopend = od.LopendeSevesoAanwijzing
            ?? throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' heeft geen lopende Seveso-aanwijzing.");
        if (lopend.Van is { } van && v.Einddatum < van)
        {
            throw DomainRuleException.Invalid("einddatum", $"'einddatum' ligt vóór de ingangsdatum van de aanwijzing ({van:yyyy-MM-dd}).");
        }

        yield return new SevesoIngetrokken(v.Einddatum!.Value);
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx) =>
        ctx.Ok(await ctx.Schrijven().BeslisAsync(code, ctx.Http.Request, od => Beslis(od, verzoek), ctx.Ct));
}
