using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// IenW records a decision on measures: what, when, by whom, for which ODs; it may close escalation steps of those ODs.
/// The decision is its own stream; each closed step gets its event on its OD's stream; one commit for all.
/// </summary>
public static class NeemBesluit
{
    public sealed record Verzoek(string? Inhoud, [property: JsonRequired] DateOnly? Datum, string? GenomenDoor, IReadOnlyList<string>? Omgevingsdiensten,
        IReadOnlyList<string>? Escalaties);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Inhoud).NotEmpty().PlainText(8000);
            RuleFor(v => v.Datum).NotNull();
            RuleFor(v => v.GenomenDoor).NotEmpty().PlainText(300);
            RuleFor(v => v.Omgevingsdiensten).NotEmpty();
            RuleForEach(v => v.Omgevingsdiensten).GeldigeCode();
            RuleForEach(v => v.Escalaties).NotEmpty().Matches(EscalatieId.Pattern).WithMessage("'{PropertyName}' moet de id van een escalatiestap zijn.");
        }
    }

    public sealed record Opdracht(string Id, string Inhoud, DateOnly Datum, string GenomenDoor, IReadOnlyList<string> Omgevingsdiensten,
        IReadOnlyList<string> Escalaties, Handeling Handeling)
    {
        public static Opdracht Van(string id, Verzoek v, Handeling handeling) => new(id, v.Inhoud!, v.Datum!.Value, v.GenomenDoor!,
            [.. v.Omgevingsdiensten!.Distinct(StringComparer.Ordinal)], [.. (v.Escalaties ?? []).Distinct(StringComparer.Ordinal)], handeling);
    }

    /// <summary>The decision's own event; refused for unknown ODs (400), a step not of a named OD (400) or already closed (409).</summary>
    public static IEnumerable<object> Beslis(bool bestaat, IReadOnlySet<string> onbekend, IReadOnlyDictionary<string, Bijsturingsdossier> dossiers, Opdracht o)
    {
        if (bestaat)
        {
            throw DomainRuleException.Conflict("id", $"Besluit {o.Id} bestaat al.");
        }

        for (var i = 0; i < o.Omgevingsdiensten.Count; i++)
        {
            if (onbekend.Contains(o.Omgevingsdiensten[i]))
            {
                throw DomainRuleException.Invalid($"omgevingsdiensten[{i}]", $"Omgevingsdienst '{o.Omgevingsdiensten[i]}' is niet bekend uit het register.");
            }
        }

        for (var i = 0; i < o.Escalaties.Count; i++)
        {
            Sluitbaar(dossiers, o, i);
        }

        return [new BesluitVastgelegd(o.Id, o.Inhoud, o.Datum, o.GenomenDoor, o.Omgevingsdiensten, o.Escalaties, o.Handeling.Op)];
    }

    /// <summary>What the decision appends on the OD's stream: the steps of that OD it closes.</summary>
    public static IEnumerable<object> Sluit(Bijsturingsdossier? dossier, Opdracht o, string code) =>
        o.Escalaties.Where(id => EscalatieId.Od(id) == code)
            .SelectMany(id => RondEscalatieAf.Beslis(dossier, new RondEscalatieAf.Opdracht(id, o.Datum, o.Inhoud, null, o.Id, o.Handeling, null)))
            .ToList();

    private static void Sluitbaar(IReadOnlyDictionary<string, Bijsturingsdossier> dossiers, Opdracht o, int i)
    {
        var id = o.Escalaties[i];
        var code = EscalatieId.Od(id);
        if (!o.Omgevingsdiensten.Contains(code, StringComparer.Ordinal) || dossiers.GetValueOrDefault(code)?.Escalaties.GetValueOrDefault(id) is not { } e)
        {
            throw DomainRuleException.Invalid($"escalaties[{i}]", $"Escalatie {id} bestaat niet bij een van de genoemde omgevingsdiensten.");
        }

        if (e.Status == EscalatieStatus.Afgerond)
        {
            throw DomainRuleException.Conflict($"escalaties[{i}]", $"Escalatie {id} is al afgerond.");
        }
    }

    public static async Task<Besluit> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var sleutel = Besluit.StreamKey(o.Id);
        var bestaat = await session.Events.FetchStreamStateAsync(sleutel, ct) is not null;
        var dossiers = new Dictionary<string, Bijsturingsdossier>(StringComparer.Ordinal);
        foreach (var code in o.Escalaties.Select(EscalatieId.Od).Distinct(StringComparer.Ordinal))
        {
            if (await session.Events.FetchLatest<Bijsturingsdossier>(code, ct) is { } dossier)
            {
                dossiers[code] = dossier;
            }
        }

        var events = Beslis(bestaat, await LegGesprekVast.OnbekendAsync(session, o.Omgevingsdiensten, ct), dossiers, o);
        foreach (var code in dossiers.Keys)
        {
            // Fetched for writing: a concurrent change of the step's OD makes this commit lose (409), never half-apply.
            await session.DecideAsync<Bijsturingsdossier>(code, null, o.Handeling, d => Sluit(d, o, code), ct);
        }

        session.Start<Besluit>(sleutel, o.Handeling, events);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Besluit>(sleutel, ct))!;
    }

    public static async Task<Created<BesluitResource>> Endpoint(Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var besluit = await Handle(Opdracht.Van(Guid.CreateVersion7().ToString("N"), verzoek, ctx.Handeling), ctx.Session, ctx.Ct);
        var resource = BesluitResource.Van(besluit, ctx.Api.BasePath);
        ctx.Http.Response.SetETag(besluit.Version);
        return TypedResults.Created(resource.Links.Self.Href, resource);
    }
}
