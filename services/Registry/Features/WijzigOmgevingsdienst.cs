using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Registry.Omgevingsdiensten;

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

    /// <summary>A merge-patch: a null detail is one the command leaves as it is.</summary>
    public sealed record Opdracht(string Code, string? Naam, IReadOnlyList<string>? Provincies, int? AantalDeelnemers,
        ExpectedVersion? Verwacht, Handeling Handeling)
    {
        public static Opdracht Van(string code, Verzoek v, ExpectedVersion? verwacht, Handeling handeling) =>
            new(code, v.Naam, v.Provincies, v.AantalDeelnemers, verwacht, handeling);
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Opdracht o)
    {
        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven en kan niet meer worden gewijzigd.");
        }

        var gewijzigd = new OmgevingsdienstGewijzigd(o.Naam?.Trim() ?? od.Naam, o.Provincies ?? od.Provincies,
            o.AantalDeelnemers ?? od.AantalDeelnemers);
        // A patch that changes nothing records nothing (and keeps the version, so the client's ETag stays valid).
        if (gewijzigd.Naam != od.Naam || !gewijzigd.Provincies.SequenceEqual(od.Provincies) || gewijzigd.AantalDeelnemers != od.AantalDeelnemers)
        {
            yield return gewijzigd;
        }
    }

    public static async Task<Omgevingsdienst> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        await session.DecideAsync<Omgevingsdienst>(o.Code, o.Verwacht, o.Handeling, od => Beslis(od.Bestaand(o.Code), o), ct);
        await session.SaveChangesAsync(ct);
        return await session.HaalOpAsync(o.Code, ct);
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx)
    {
        var od = await Handle(Opdracht.Van(code, verzoek, ctx.Verwacht, ctx.Handeling), ctx.Session, ctx.Ct);
        return TypedResults.Ok(ctx.Http.Response.MetETag(od, ctx.Vandaag, ctx.Api));
    }
}
