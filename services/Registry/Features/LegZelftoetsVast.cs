using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Registry.Omgevingsdiensten;

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

    public sealed record Opdracht(string Code, bool Robuust, DateOnly BeoordeeldOp, string? Toelichting,
        ExpectedVersion? Verwacht, Handeling Handeling)
    {
        public static Opdracht Van(string code, Verzoek v, ExpectedVersion? verwacht, Handeling handeling) =>
            new(code, v.Robuust!.Value, v.BeoordeeldOp!.Value, v.Toelichting, verwacht, handeling);
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Opdracht o)
    {
        if (od.OpgehevenOp is { } opgeheven && o.BeoordeeldOp >= opgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven op {opgeheven:yyyy-MM-dd}.");
        }

        // Recording the same outcome again is a repeat (seeds run twice): nothing to record.
        var zelftoets = new Zelftoets(o.Robuust, o.BeoordeeldOp, o.Toelichting);
        if (od.Zelftoets != zelftoets)
        {
            yield return new ZelftoetsVastgelegd(zelftoets.Robuust, zelftoets.BeoordeeldOp, zelftoets.Toelichting);
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
