using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>Enter an OD in the register: its stream starts here.</summary>
public static class RegistreerOmgevingsdienst
{
    /// <param name="OpgerichtOp">Must be present, but may be null: the establishment date is then unknown (before the register's records).</param>
    public sealed record Verzoek(string? Code, string? Naam, IReadOnlyList<string>? Provincies, int? AantalDeelnemers,
        [property: JsonRequired] DateOnly? OpgerichtOp);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Code).GeldigeCode();
            RuleFor(v => v.Naam).NotEmpty().WithMessage("'naam' is verplicht.").PlainText(200);
            RuleFor(v => v.Provincies).GeldigeProvincies();
            RuleFor(v => v.AantalDeelnemers).GreaterThan(0).LessThan(1000);
        }
    }

    /// <param name="AantalDeelnemers">Null: not known.</param>
    /// <param name="OpgerichtOp">Null: the OD predates the register's records.</param>
    public sealed record Opdracht(string Code, string Naam, IReadOnlyList<string> Provincies, int? AantalDeelnemers,
        DateOnly? OpgerichtOp, Handeling Handeling)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling) =>
            new(v.Code!, v.Naam!, v.Provincies!, v.AantalDeelnemers, v.OpgerichtOp, handeling);
    }

    /// <param name="bestaand">The OD already registered under the code regardless of case (<see cref="OdCode.IsZelfde"/>), if any.</param>
    public static IEnumerable<object> Beslis(Omgevingsdienst? bestaand, Opdracht o)
    {
        if (bestaand is not null && OdCode.VerschiltAlleenInHoofdletters(bestaand.Id, o.Code))
        {
            throw DomainRuleException.Conflict("code",
                $"Omgevingsdienst '{bestaand.Id}' staat al in het register; codes zijn uniek ongeacht hoofdletters, dus '{o.Code}' kan er niet naast.");
        }

        if (bestaand is not null)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{o.Code}' staat al in het register.");
        }

        yield return new OmgevingsdienstGeregistreerd(o.Code, o.Naam.Trim(), o.Provincies, o.AantalDeelnemers, o.OpgerichtOp, []);
    }

    public static async Task<Omgevingsdienst> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var bestaand = await session.Events.FetchLatest<Omgevingsdienst>(o.Code, ct) ?? await session.ZoekAsync(o.Code, ct);
        // A concurrent registration of the same code loses on the stream key at save time, one of the same code in
        // other case on the snapshot's unique index (OmgevingsdienstStreams): 409 from the problem handler.
        session.Start<Omgevingsdienst>(o.Code, o.Handeling, Beslis(bestaand, o));
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Omgevingsdienst>(o.Code, ct))!;
    }

    public static async Task<Created<OmgevingsdienstResource>> Endpoint(Verzoek verzoek, [AsParameters] RegisterContext ctx)
    {
        var od = await Handle(Opdracht.Van(verzoek, ctx.Handeling), ctx.Session, ctx.Ct);
        var resource = ctx.Http.Response.MetETag(od, ctx.Vandaag, ctx.Api);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
