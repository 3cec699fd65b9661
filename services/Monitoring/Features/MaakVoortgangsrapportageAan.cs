using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Features;

/// <summary>An OD (for itself) or IenW opens the draft report of a round: <c>{code}-{ronde}</c>.</summary>
public static class MaakVoortgangsrapportageAan
{
    public sealed record Verzoek(string? Omgevingsdienst, string? Ronde);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Omgevingsdienst).GeldigeCode();
            RuleFor(v => v.Ronde).NotEmpty().Matches(Rapportageronde.Pattern)
                .WithMessage("'ronde' moet de id van een rapportageronde zijn (bijv. voortgang1).");
        }
    }

    /// <param name="NamensOd">The OD the caller may act for (an <c>od</c> token), null for IenW.</param>
    public sealed record Opdracht(string Code, string Ronde, string? NamensOd, Handeling Handeling)
    {
        public static Opdracht Van(Verzoek v, string? namensOd, Handeling handeling) => new(v.Omgevingsdienst!, v.Ronde!, namensOd, handeling);
    }

    public static IEnumerable<object> Beslis(Monitoringdossier? dossier, Rapportageronde? ronde, bool odBekend, Opdracht o)
    {
        Toegang.ControleerNamens(o.NamensOd, o.Code);
        if (ronde is null)
        {
            throw DomainRuleException.Invalid("ronde", $"Rapportageronde '{o.Ronde}' bestaat niet.");
        }

        if (!odBekend)
        {
            throw DomainRuleException.Invalid("omgevingsdienst", $"Omgevingsdienst '{o.Code}' is niet bekend uit het register.");
        }

        if (dossier?.Rapportage(o.Ronde) is not null)
        {
            throw DomainRuleException.Conflict("ronde", $"{o.Code} heeft al een rapportage voor ronde {o.Ronde}.");
        }

        return [new VoortgangsrapportageAangemaakt(o.Code, o.Ronde, ronde.FormatVersie)];
    }

    public static async Task<Monitoringdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var ronde = await session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(o.Ronde), ct);
        var od = await session.LoadAsync<OmgevingsdienstUitRegister>(o.Code, ct);
        await session.DecideAsync<Monitoringdossier>(o.Code, null, o.Handeling, d => Beslis(d, ronde, od is not null, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Monitoringdossier>(o.Code, ct))!;
    }

    public static async Task<Created<RapportageResource>> Endpoint(Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var o = Opdracht.Van(verzoek, ctx.NamensOd, ctx.Handeling);
        var dossier = await Handle(o, ctx.Session, ctx.Ct);
        var resource = await RapportageResource.LaadAsync(dossier, o.Ronde, ctx);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
