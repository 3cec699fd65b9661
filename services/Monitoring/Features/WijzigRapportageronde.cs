using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

public static class WijzigRapportageronde
{
    /// <param name="IndienenUiterlijk">Verplicht veld; null = (nog) onbekend.</param>
    public sealed record Verzoek(RondeSoort? Soort, string? Naam,
        [property: JsonRequired] DateOnly? PeriodeVan, [property: JsonRequired] DateOnly? PeriodeTot,
        [property: JsonRequired] DateOnly? IndienenUiterlijk, int? FormatVersie);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Soort).NotNull();
            RuleFor(v => v.Naam).NotEmpty().PlainText(200);
            RuleFor(v => v.FormatVersie).NotNull().GreaterThan(0);
            RuleFor(v => v.PeriodeTot).GreaterThanOrEqualTo(v => v.PeriodeVan)
                .When(v => v.PeriodeVan is not null && v.PeriodeTot is not null)
                .WithMessage("'periodeTot' ligt voor 'periodeVan'.");
        }
    }

    public sealed record Opdracht(string Ronde, RondeSoort Soort, string Naam, DateOnly? PeriodeVan, DateOnly? PeriodeTot,
        DateOnly? IndienenUiterlijk, int FormatVersie, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string ronde, Verzoek v, Handeling handeling, ExpectedVersion? verwacht) =>
            new(ronde, v.Soort!.Value, v.Naam!, v.PeriodeVan, v.PeriodeTot, v.IndienenUiterlijk, v.FormatVersie!.Value, handeling, verwacht);
    }

    /// <summary>A change that changes nothing appends nothing (PUT is idempotent).</summary>
    public static IEnumerable<object> Beslis(Rapportageronde? ronde, Rapportageformat? format, Opdracht o)
    {
        if (ronde is null)
        {
            throw DomainRuleException.NotFound($"Rapportageronde '{o.Ronde}' bestaat niet.");
        }

        if (format?.Versie(o.FormatVersie) is null)
        {
            throw DomainRuleException.Invalid("formatVersie", $"Formatversie {o.FormatVersie} bestaat niet.");
        }

        var gewijzigd = new RapportagerondeGewijzigd(o.Ronde, o.Soort, o.Naam, o.PeriodeVan, o.PeriodeTot, o.IndienenUiterlijk, o.FormatVersie);
        var huidig = new RapportagerondeGewijzigd(ronde.Ronde, ronde.Soort, ronde.Naam, ronde.PeriodeVan, ronde.PeriodeTot,
            ronde.IndienenUiterlijk, ronde.FormatVersie);
        return gewijzigd == huidig ? [] : [gewijzigd];
    }

    public static async Task<Rapportageronde> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var key = Rapportageronde.StreamKey(o.Ronde);
        var format = await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct);
        await session.DecideAsync<Rapportageronde>(key, o.Verwacht, o.Handeling, r => Beslis(r, format, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Rapportageronde>(key, ct))!;
    }

    public static async Task<Ok<RondeResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var ronde = await Handle(Opdracht.Van(HaalRapportagerondeOp.Controleer(id), verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(ronde.Version);
        return TypedResults.Ok(RondeResource.Van(ronde, ctx.Api));
    }
}
