using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Registry.Features;

/// <summary>
/// Designate an OD as Seveso-omgevingsdienst for one or more provinces. A province has one
/// Seveso-OD at a time, so a province already served by another active designation is refused.
/// </summary>
public static class WijsSevesoAan
{
    /// <param name="Ingangsdatum">Null: the designation predates the register's records.</param>
    public sealed record Verzoek(IReadOnlyList<string>? Provincies, DateOnly? Ingangsdatum);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Provincies).GeldigeProvincies();
    }

    public static async Task<Omgevingsdienst> Handle(string code, Verzoek v, IDocumentSession session, HttpRequest? request, CancellationToken ct)
    {
        var anderen = await session.Query<Omgevingsdienst>().Where(o => o.Id != code && o.OpgehevenOp == null).ToListAsync(ct);
        return await session.BeslisAsync(code, request, od => Beslis(od, v, anderen), ct);
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Verzoek v, IEnumerable<Omgevingsdienst> anderen)
    {
        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven en kan geen Seveso-omgevingsdienst worden.");
        }

        var bezet = anderen.SelectMany(o => (o.LopendeSevesoAanwijzing?.Provincies ?? []).Select(p => (p, o.Id)))
            .Where(x => v.Provincies!.Contains(x.p)).ToList();
        if (bezet.Count > 0)
        {
            throw DomainRuleException.Conflict("Deze provincies hebben al een Seveso-omgevingsdienst: "
                + string.Join(", ", bezet.Select(x => $"{x.p} ({x.Id})")) + ". Trek die aanwijzing eerst in.");
        }

        var lopend = od.LopendeSevesoAanwijzing;
        if (lopend is not null && lopend.Provincies.SequenceEqual(v.Provincies!))
        {
            yield break;
        }

        if (lopend is not null)
        {
            // A new set of provinces replaces the running designation from the new date on.
            var einde = v.Ingangsdatum ?? throw DomainRuleException.Invalid("ingangsdatum",
                "'ingangsdatum' is verplicht wanneer een lopende Seveso-aanwijzing wordt gewijzigd.");
            if (lopend.Van is { } van && einde < van)
            {
                throw DomainRuleException.Invalid("ingangsdatum", $"'ingangsdatum' ligt vóór de lopende aanwijzing ({van:yyyy-MM-dd}).");
            }

            yield return new SevesoIngetrokken(einde);
        }

        if (v.Ingangsdatum < od.OpgerichtOp)
        {
            throw DomainRuleException.Invalid("ingangsdatum", "'ingangsdatum' ligt vóór de oprichting van de omgevingsdienst.");
        }

        yield return new SevesoAangewezen(v.Provincies!, v.Ingangsdatum);
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx) =>
        ctx.Ok(await Handle(code, verzoek, ctx.Schrijven(), ctx.Http.Request, ctx.Ct));
}
