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

public static class MaakRapportagerondeAan
{
    /// <param name="IndienenUiterlijk">Verplicht veld; null = (nog) onbekend. Nooit een verzonnen datum.</param>
    public sealed record Verzoek(string? Id, RondeSoort? Soort, string? Naam,
        [property: JsonRequired] DateOnly? PeriodeVan, [property: JsonRequired] DateOnly? PeriodeTot,
        [property: JsonRequired] DateOnly? IndienenUiterlijk, int? FormatVersie);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Id).NotEmpty().Matches(Rapportageronde.Pattern)
                .WithMessage("'id' moet kleine letters of cijfers zijn, beginnend met een letter, 2 tot 30 tekens (bijv. voortgang1).");
            RuleFor(v => v.Soort).NotNull();
            RuleFor(v => v.Naam).NotEmpty().PlainText(200);
            RuleFor(v => v.FormatVersie).NotNull().GreaterThan(0);
            RuleFor(v => v.PeriodeTot).GreaterThanOrEqualTo(v => v.PeriodeVan)
                .When(v => v.PeriodeVan is not null && v.PeriodeTot is not null)
                .WithMessage("'periodeTot' ligt voor 'periodeVan'.");
        }
    }

    public sealed record Opdracht(string Ronde, RondeSoort Soort, string Naam, DateOnly? PeriodeVan, DateOnly? PeriodeTot,
        DateOnly? IndienenUiterlijk, int FormatVersie, Handeling Handeling)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling) =>
            new(v.Id!, v.Soort!.Value, v.Naam!, v.PeriodeVan, v.PeriodeTot, v.IndienenUiterlijk, v.FormatVersie!.Value, handeling);
    }

    public static IEnumerable<object> Beslis(Rapportageronde? bestaand, Rapportageformat? format, Opdracht o)
    {
        if (bestaand is not null)
        {
            throw DomainRuleException.Conflict("id", $"Rapportageronde '{o.Ronde}' bestaat al.");
        }

        if (format?.Versie(o.FormatVersie) is null)
        {
            throw DomainRuleException.Invalid("formatVersie", $"Formatversie {o.FormatVersie} bestaat niet.");
        }

        return [new RapportagerondeAangemaakt(o.Ronde, o.Soort, o.Naam, o.PeriodeVan, o.PeriodeTot, o.IndienenUiterlijk, o.FormatVersie)];
    }

    public static async Task<Rapportageronde> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var format = await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct);
        await session.DecideAsync<Rapportageronde>(Rapportageronde.StreamKey(o.Ronde), null, o.Handeling, r => Beslis(r, format, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(o.Ronde), ct))!;
    }

    public static async Task<Created<RondeResource>> Endpoint(Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var ronde = await Handle(Opdracht.Van(verzoek, ctx.Handeling), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(ronde.Version);
        var resource = RondeResource.Van(ronde, ctx.Api);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
