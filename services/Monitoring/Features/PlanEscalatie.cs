using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring.Features;

/// <summary>IenW plans an open step (or plans it again) on a date; a step that is done cannot be planned (409).</summary>
public static class PlanEscalatie
{
    public sealed record Verzoek([property: JsonRequired] DateOnly? Datum, string? Toelichting);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Datum).NotNull();
            RuleFor(v => v.Toelichting).PlainText(2000);
        }
    }

    public sealed record Opdracht(string Id, DateOnly Datum, string? Toelichting, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Bijsturingsdossier? dossier, Opdracht o)
    {
        var escalatie = dossier?.Escalaties.GetValueOrDefault(o.Id) ?? throw DomainRuleException.NotFound($"Escalatie {o.Id} bestaat niet.");
        if (escalatie.Status == EscalatieStatus.Afgerond)
        {
            throw DomainRuleException.Conflict($"Escalatie {o.Id} is afgerond en kan niet meer worden gepland.");
        }

        return escalatie.GeplandOp == o.Datum && escalatie.Planningstoelichting == o.Toelichting
            ? []
            : [new EscalatieGepland(o.Id, o.Datum, o.Toelichting)];
    }

    public static async Task<Bijsturingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var code = EscalatieId.Od(o.Id);
        await session.DecideAsync<Bijsturingsdossier>(code, o.Verwacht, o.Handeling, d => Beslis(d, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Bijsturingsdossier>(code, ct))!;
    }

    public static async Task<Ok<EscalatieResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        EscalatieId.Od(id);
        var dossier = await Handle(new Opdracht(id, verzoek.Datum!.Value, verzoek.Toelichting, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(EscalatieResource.Van(dossier.Id, dossier.Escalaties[id], ctx.Api.BasePath));
    }
}
