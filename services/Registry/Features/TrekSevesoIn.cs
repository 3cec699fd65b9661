using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>End an OD's running Seveso designation on an einddatum (the first day it no longer applies).</summary>
public static class TrekSevesoIn
{
    public sealed record Verzoek(DateOnly? Einddatum);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Einddatum).NotNull().WithMessage("'einddatum' is verplicht.");
    }

    public sealed record Opdracht(string Code, DateOnly Einddatum, ExpectedVersion? Verwacht, Handeling Handeling)
    {
        public static Opdracht Van(string code, Verzoek v, ExpectedVersion? verwacht, Handeling handeling) =>
            new(code, v.Einddatum!.Value, verwacht, handeling);
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Opdracht o)
    {
        var lopend = od.LopendeSevesoAanwijzing
            ?? throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' heeft geen lopende Seveso-aanwijzing.");
        if (lopend.Van is { } van && o.Einddatum < van)
        {
            throw DomainRuleException.Invalid("einddatum", $"'einddatum' ligt vóór de ingangsdatum van de aanwijzing ({van:yyyy-MM-dd}).");
        }

        return [new SevesoIngetrokken(o.Einddatum)];
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
