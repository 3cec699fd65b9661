using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>Submits the draft: from then on it is frozen (every change is 409).</summary>
public static class DienVoortgangsrapportageIn
{
    public sealed record Verzoek(string? Toelichting);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Toelichting).PlainText(4000);
    }

    public sealed record Opdracht(string Code, string Ronde, string? Toelichting, string? NamensOd, Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Monitoringdossier? dossier, Opdracht o)
    {
        VulKerngetallenIn.Wijzigbaar(dossier, o.Code, o.Ronde, o.NamensOd);
        return [new VoortgangsrapportageIngediend(o.Ronde, o.Toelichting, o.Handeling.Op)];
    }

    public static async Task<Monitoringdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        await session.DecideAsync<Monitoringdossier>(o.Code, o.Verwacht, o.Handeling, d => Beslis(d, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Monitoringdossier>(o.Code, ct))!;
    }

    public static async Task<Ok<RapportageResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var dossier = await Handle(new Opdracht(code, ronde, verzoek.Toelichting, ctx.NamensOd, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(await RapportageResource.LaadAsync(dossier, ronde, ctx));
    }
}
