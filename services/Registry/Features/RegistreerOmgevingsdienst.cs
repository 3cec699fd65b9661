using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry.Features;

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

    public static async Task<Omgevingsdienst> Handle(Verzoek v, IDocumentSession session, CancellationToken ct)
    {
        if (await session.Events.FetchLatest<Omgevingsdienst>(v.Code!, ct) is not null)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{v.Code}' staat al in het register.");
        }

        // A concurrent registration of the same code loses on the stream key: 409 from the problem handler.
        session.Events.StartStream<Omgevingsdienst>(v.Code!,
            new OmgevingsdienstGeregistreerd(v.Code!, v.Naam!.Trim(), v.Provincies!, v.AantalDeelnemers, v.OpgerichtOp, []));
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Omgevingsdienst>(v.Code!, ct))!;
    }

    public static async Task<Created<OmgevingsdienstResource>> Endpoint(Verzoek verzoek, [AsParameters] RegisterContext ctx)
    {
        var od = await Handle(verzoek, ctx.Schrijven(), ctx.Ct);
        ctx.Http.Response.SetETag(od.Version);
        var resource = ctx.Resource(od);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
