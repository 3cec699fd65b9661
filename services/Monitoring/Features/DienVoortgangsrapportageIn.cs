using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// Submits the draft: from then on it is frozen (every change is 409; a correction is a new version). The submission
/// also freezes the catalogue's thresholds the report is evaluated against, and the due date and days late as they are now.
/// </summary>
public static class DienVoortgangsrapportageIn
{
    public sealed record Verzoek(string? Toelichting);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Toelichting).PlainText(4000);
    }

    public sealed record Opdracht(string Code, string Ronde, string? Toelichting, string? NamensOd, Handeling Handeling, ExpectedVersion? Verwacht);

    /// <param name="drempels">The thresholds of the report's format edition from the catalogue as it is now.</param>
    /// <param name="indienenUiterlijk">The round's due date now (null: none set).</param>
    public static IEnumerable<object> Beslis(Monitoringdossier? dossier, Drempelset drempels, DateOnly? indienenUiterlijk, Opdracht o)
    {
        VulKerngetallenIn.Wijzigbaar(dossier, o.Code, o.Ronde, o.NamensOd);
        var op = Kalender.Datum(o.Handeling.Op);
        var tijdigheid = Tijdigheid.Bepaal(indienenUiterlijk, op, op);
        return
        [
            new VoortgangsrapportageIngediend(o.Ronde, o.Toelichting, o.Handeling.Op),
            new IndieningVastgelegd(o.Ronde, o.Handeling.Door, drempels, indienenUiterlijk, tijdigheid.DagenTeLaat),
        ];
    }

    public static async Task<Monitoringdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var format = await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct);
        var ronde = await session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(o.Ronde), ct);
        var catalogus = await session.CatalogusAsync(ct);
        await session.DecideAsync<Monitoringdossier>(o.Code, o.Verwacht, o.Handeling, d =>
        {
            var editie = d?.Rapportage(o.Ronde) is { } r ? format?.Versie(r.FormatVersie) : null;
            return Beslis(d, editie is null ? new Drempelset([], []) : Drempelset.Uit(editie, catalogus), ronde?.IndienenUiterlijk, o);
        }, ct);
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
