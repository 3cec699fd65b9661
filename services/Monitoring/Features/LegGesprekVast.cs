using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// IenW records a conversation, escalated or not: its kind, date, the ODs and provinces it concerned, the participants and
/// the outcome (null: not known), optionally the escalation step it was part of.
/// </summary>
public static class LegGesprekVast
{
    /// <param name="Uitkomst">Verplicht veld; null = (nog) onbekend.</param>
    public sealed record Verzoek(GesprekSoort? Soort, [property: JsonRequired] DateOnly? Datum, IReadOnlyList<string>? Omgevingsdiensten,
        IReadOnlyList<string>? Provincies, IReadOnlyList<string>? Deelnemers, string? Onderwerp, [property: JsonRequired] string? Uitkomst,
        string? Escalatie);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Soort).NotNull();
            RuleFor(v => v.Datum).NotNull();
            RuleFor(v => v.Omgevingsdiensten).NotNull();
            RuleFor(v => v.Omgevingsdiensten).NotEmpty().When(v => v.Soort is GesprekSoort.Ambtelijk or GesprekSoort.Bestuurlijk)
                .WithMessage("Een ambtelijk of bestuurlijk gesprek noemt ten minste één omgevingsdienst.");
            RuleForEach(v => v.Omgevingsdiensten).GeldigeCode();
            RuleForEach(v => v.Provincies).NotEmpty().PlainText(100);
            RuleFor(v => v.Deelnemers).NotNull();
            RuleForEach(v => v.Deelnemers).NotEmpty().PlainText(300);
            RuleFor(v => v.Onderwerp).PlainText(1000);
            RuleFor(v => v.Uitkomst).PlainText(4000);
            RuleFor(v => v.Escalatie).Matches(EscalatieId.Pattern).WithMessage("'escalatie' moet de id van een escalatiestap zijn.");
        }
    }

    public sealed record Opdracht(string Id, GesprekSoort Soort, DateOnly Datum, IReadOnlyList<string> Omgevingsdiensten, IReadOnlyList<string> Provincies,
        IReadOnlyList<string> Deelnemers, string? Onderwerp, string? Uitkomst, string? Escalatie, Handeling Handeling)
    {
        public static Opdracht Van(string id, Verzoek v, Handeling handeling) => new(id, v.Soort!.Value, v.Datum!.Value,
            [.. v.Omgevingsdiensten!.Distinct(StringComparer.Ordinal)], [.. (v.Provincies ?? []).Distinct(StringComparer.Ordinal)],
            [.. v.Deelnemers!], v.Onderwerp, v.Uitkomst, v.Escalatie, handeling);
    }

    /// <param name="onbekend">The named ODs the register does not know.</param>
    /// <param name="escalatie">The step the conversation names, from its OD's dossier (null: none named, or not found).</param>
    public static IEnumerable<object> Beslis(bool bestaat, IReadOnlySet<string> onbekend, Escalatie? escalatie, Opdracht o)
    {
        if (bestaat)
        {
            throw DomainRuleException.Conflict("id", $"Gesprek {o.Id} bestaat al.");
        }

        for (var i = 0; i < o.Omgevingsdiensten.Count; i++)
        {
            if (onbekend.Contains(o.Omgevingsdiensten[i]))
            {
                throw DomainRuleException.Invalid($"omgevingsdiensten[{i}]", $"Omgevingsdienst '{o.Omgevingsdiensten[i]}' is niet bekend uit het register.");
            }
        }

        if (o.Escalatie is not null && (escalatie is null || !o.Omgevingsdiensten.Contains(EscalatieId.Od(o.Escalatie), StringComparer.Ordinal)))
        {
            throw DomainRuleException.Invalid("escalatie", $"Escalatie {o.Escalatie} bestaat niet bij een van de genoemde omgevingsdiensten.");
        }

        return [new GesprekVastgelegd(o.Id, o.Soort, o.Datum, o.Omgevingsdiensten, o.Provincies, o.Deelnemers, o.Onderwerp, o.Uitkomst, o.Escalatie,
            o.Handeling.Op)];
    }

    /// <summary>The named ODs that the register read model does not hold.</summary>
    public static async Task<IReadOnlySet<string>> OnbekendAsync(IQuerySession session, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var bekend = await session.LoadManyAsync<OmgevingsdienstUitRegister>(ct, codes);
        return codes.Except(bekend.Select(o => o.Id), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }

    public static async Task<Gesprek> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var sleutel = Gesprek.StreamKey(o.Id);
        var bestaat = await session.Events.FetchStreamStateAsync(sleutel, ct) is not null;
        var escalatie = o.Escalatie is null
            ? null
            : (await session.Events.FetchLatest<Bijsturingsdossier>(EscalatieId.Od(o.Escalatie), ct))?.Escalaties.GetValueOrDefault(o.Escalatie);
        var events = Beslis(bestaat, await OnbekendAsync(session, o.Omgevingsdiensten, ct), escalatie, o);
        session.Start<Gesprek>(sleutel, o.Handeling, events);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Gesprek>(sleutel, ct))!;
    }

    public static async Task<Created<GesprekResource>> Endpoint(Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var gesprek = await Handle(Opdracht.Van(Guid.CreateVersion7().ToString("N"), verzoek, ctx.Handeling), ctx.Session, ctx.Ct);
        var resource = GesprekResource.Van(gesprek, ctx.Api.BasePath);
        ctx.Http.Response.SetETag(gesprek.Version);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
