using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring.Features;

/// <summary>IenW records that a step was held or taken: the date, the outcome and the follow-up; the step is closed.</summary>
public static class RondEscalatieAf
{
    /// <param name="Vervolg">Verplicht veld; null = geen vervolg.</param>
    public sealed record Verzoek([property: JsonRequired] DateOnly? Datum, string? Uitkomst, [property: JsonRequired] string? Vervolg);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Datum).NotNull();
            RuleFor(v => v.Uitkomst).NotEmpty().PlainText(4000);
            RuleFor(v => v.Vervolg).PlainText(4000);
        }
    }

    public sealed record Opdracht(string Id, DateOnly Datum, string Uitkomst, string? Vervolg, string? Besluit, Handeling Handeling,
        ExpectedVersion? Verwacht);

    /// <summary>Open or planned becomes closed; a closed step cannot be closed again (409).</summary>
    public static IEnumerable<object> Beslis(Bijsturingsdossier? dossier, Opdracht o)
    {
        var escalatie = dossier?.Escalaties.GetValueOrDefault(o.Id) ?? throw DomainRuleException.NotFound($"Escalatie {o.Id} bestaat niet.");
        return escalatie.Status == EscalatieStatus.Afgerond
            ? throw DomainRuleException.Conflict($"Escalatie {o.Id} is al afgerond.")
            : [new EscalatieAfgerond(o.Id, o.Datum, o.Uitkomst, o.Vervolg, o.Besluit)];
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
        var o = new Opdracht(id, verzoek.Datum!.Value, verzoek.Uitkomst!, verzoek.Vervolg, null, ctx.Handeling, ctx.Verwacht);
        var dossier = await Handle(o, ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(EscalatieResource.Van(dossier.Id, dossier.Escalaties[id], ctx.Api.BasePath));
    }
}
