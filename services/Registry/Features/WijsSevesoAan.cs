using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Registry.Omgevingsdiensten;

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

    /// <param name="Ingangsdatum">Null: the designation predates the register's records.</param>
    public sealed record Opdracht(string Code, IReadOnlyList<string> Provincies, DateOnly? Ingangsdatum,
        ExpectedVersion? Verwacht, Handeling Handeling)
    {
        public static Opdracht Van(string code, Verzoek v, ExpectedVersion? verwacht, Handeling handeling) =>
            new(code, v.Provincies!, v.Ingangsdatum, verwacht, handeling);
    }

    /// <param name="anderen">The other ODs that are not dissolved: their running designations occupy provinces.</param>
    public static IEnumerable<object> Beslis(Omgevingsdienst od, Opdracht o, IEnumerable<Omgevingsdienst> anderen)
    {
        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven en kan geen Seveso-omgevingsdienst worden.");
        }

        var bezet = anderen.SelectMany(a => (a.LopendeSevesoAanwijzing?.Provincies ?? []).Select(p => (p, a.Id)))
            .Where(x => o.Provincies.Contains(x.p)).ToList();
        if (bezet.Count > 0)
        {
            throw DomainRuleException.Conflict("Deze provincies hebben al een Seveso-omgevingsdienst: "
                + string.Join(", ", bezet.Select(x => $"{x.p} ({x.Id})")) + ". Trek die aanwijzing eerst in.");
        }

        var lopend = od.LopendeSevesoAanwijzing;
        if (lopend is not null && lopend.Provincies.SequenceEqual(o.Provincies))
        {
            // Designating again what is designated is a repeat (a PUT): nothing to record.
            yield break;
        }

        if (lopend is not null)
        {
            // A new set of provinces replaces the running designation from the new date on.
            var einde = o.Ingangsdatum ?? throw DomainRuleException.Invalid("ingangsdatum",
                "'ingangsdatum' is verplicht wanneer een lopende Seveso-aanwijzing wordt gewijzigd.");
            if (lopend.Van is { } van && einde < van)
            {
                throw DomainRuleException.Invalid("ingangsdatum", $"'ingangsdatum' ligt vóór de lopende aanwijzing ({van:yyyy-MM-dd}).");
            }

            yield return new SevesoIngetrokken(einde);
        }

        if (o.Ingangsdatum < od.OpgerichtOp)
        {
            throw DomainRuleException.Invalid("ingangsdatum", "'ingangsdatum' ligt vóór de oprichting van de omgevingsdienst.");
        }

        yield return new SevesoAangewezen(o.Provincies, o.Ingangsdatum);
    }

    public static async Task<Omgevingsdienst> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var anderen = await session.Query<Omgevingsdienst>().Where(a => a.Id != o.Code && a.OpgehevenOp == null).ToListAsync(ct);
        await session.DecideAsync<Omgevingsdienst>(o.Code, o.Verwacht, o.Handeling, od => Beslis(od.Bestaand(o.Code), o, anderen), ct);
        await session.SaveChangesAsync(ct);
        return await session.HaalOpAsync(o.Code, ct);
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx)
    {
        var od = await Handle(Opdracht.Van(code, verzoek, ctx.Verwacht, ctx.Handeling), ctx.Session, ctx.Ct);
        return TypedResults.Ok(ctx.Http.Response.MetETag(od, ctx.Vandaag, ctx.Api));
    }
}
