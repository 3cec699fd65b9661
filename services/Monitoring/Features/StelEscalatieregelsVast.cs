using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

/// <summary>IenW sets a new version of the escalation rules (If-Match); it applies to judgements set after it.</summary>
public static class StelEscalatieregelsVast
{
    public sealed record RegelVerzoek(string? Code, string? Ronde, IReadOnlyList<string>? Uitkomsten, IReadOnlyList<Eindresultaat>? Eindresultaten,
        EscalatieStap? Stap, string? Omschrijving);

    public sealed record Verzoek(IReadOnlyList<RegelVerzoek>? Regels);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Regels).NotNull();
            RuleForEach(v => v.Regels).ChildRules(r =>
            {
                r.RuleFor(x => x.Code).NotEmpty().Matches(BeoordeelVoortgang.CodePattern)
                    .WithMessage("'code' moet lowerCamelCase zijn, 2 tot 40 tekens (bijv. eersteRondeOnvoldoende).");
                r.RuleFor(x => x.Ronde).NotEmpty().Matches(Rapportageronde.Pattern)
                    .WithMessage("'ronde' moet de id van een rapportageronde zijn (bijv. voortgang1).");
                r.RuleForEach(x => x.Uitkomsten).NotEmpty().Matches(BeoordeelVoortgang.CodePattern);
                r.RuleFor(x => x.Stap).NotNull();
                r.RuleFor(x => x.Omschrijving).NotEmpty().PlainText(1000);
            });
        }
    }

    public sealed record Opdracht(IReadOnlyList<Escalatieregel> Regels, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling, ExpectedVersion? verwacht) => new(
            [.. v.Regels!.Select(r => new Escalatieregel(r.Code!, r.Ronde!, [.. (r.Uitkomsten ?? []).Distinct(StringComparer.Ordinal)],
                [.. (r.Eindresultaten ?? []).Distinct()], r.Stap!.Value, r.Omschrijving!))],
            handeling, verwacht);
    }

    /// <summary>
    /// A new version numbered after the last. Refused (400, naming the rule's field): a code twice, a round that does not
    /// exist, an outcome that is not a current category. The same rules as now append nothing.
    /// </summary>
    /// <param name="rondes">The rounds by id, with their kind: only the final round has a final result to narrow on.</param>
    public static IEnumerable<object> Beslis(Escalatieregels? huidig, IReadOnlyDictionary<string, RondeSoort> rondes, UitkomstcategorieenVersie? categorieen, Opdracht o)
    {
        Uniek(o.Regels.Select(r => r.Code), "regels", "regel");
        var codes = categorieen?.Categorieen.Select(c => c.Code).ToHashSet(StringComparer.Ordinal) ?? [];
        for (var i = 0; i < o.Regels.Count; i++)
        {
            var regel = o.Regels[i];
            if (!rondes.TryGetValue(regel.Ronde, out var soort))
            {
                throw DomainRuleException.Invalid($"regels[{i}].ronde", $"Rapportageronde '{regel.Ronde}' bestaat niet.");
            }

            if (regel.Eindresultaten.Count > 0 && soort != RondeSoort.Eindrapportage)
            {
                throw DomainRuleException.Invalid($"regels[{i}].eindresultaten",
                    $"Alleen het oordeel over de eindrapportage heeft een eindresultaat; ronde '{regel.Ronde}' niet, dus deze regel zou nooit afgaan.");
            }

            if (regel.Uitkomsten.FirstOrDefault(u => !codes.Contains(u)) is { } onbekend)
            {
                throw DomainRuleException.Invalid($"regels[{i}].uitkomsten", $"Uitkomstcategorie '{onbekend}' bestaat niet.");
            }
        }

        if (huidig?.Huidig is { } nu && nu.Regels.Count == o.Regels.Count && nu.Regels.Zip(o.Regels).All(p => Gelijk(p.First, p.Second)))
        {
            return [];
        }

        return [new EscalatieregelsVastgesteld((huidig?.Versies.Count ?? 0) + 1, o.Regels, o.Handeling.Op)];
    }

    private static bool Gelijk(Escalatieregel a, Escalatieregel b) =>
        a.Code == b.Code && a.Ronde == b.Ronde && a.Stap == b.Stap && a.Omschrijving == b.Omschrijving
        && a.Uitkomsten.SequenceEqual(b.Uitkomsten) && a.Eindresultaten.SequenceEqual(b.Eindresultaten);

    internal static void Uniek(IEnumerable<string> waarden, string veld, string wat)
    {
        var dubbel = waarden.GroupBy(w => w, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dubbel is not null)
        {
            throw DomainRuleException.Invalid(veld, $"De {wat} '{dubbel.Key}' komt meer dan eens voor.");
        }
    }

    public static async Task<Escalatieregels> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var rondes = (await session.Query<Rapportageronde>().ToListAsync(ct)).ToDictionary(r => r.Ronde, r => r.Soort, StringComparer.Ordinal);
        var categorieen = await session.Events.FetchLatest<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, ct);
        await session.DecideAsync<Escalatieregels>(Escalatieregels.StreamKey, o.Verwacht, o.Handeling, r => Beslis(r, rondes, categorieen?.Huidig, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Escalatieregels>(Escalatieregels.StreamKey, ct))!;
    }

    public static async Task<Ok<HaalEscalatieregelsOp.RegelsResource>> Endpoint(Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var regels = await Handle(Opdracht.Van(verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(regels.Version);
        return TypedResults.Ok(HaalEscalatieregelsOp.RegelsResource.Van(regels.Huidig!));
    }
}

public static class HaalEscalatieregelsOp
{
    /// <summary>Any version, e.g. the one a judgement names (<c>regelsVersie</c>).</summary>
    public static async Task<Ok<RegelsResource>> Versie(int versie, [AsParameters] MonitoringContext ctx)
    {
        var regels = await ctx.Session.Events.FetchLatest<Escalatieregels>(Escalatieregels.StreamKey, ctx.Ct);
        return TypedResults.Ok(RegelsResource.Van(regels?.Versies.FirstOrDefault(v => v.Versie == versie)
            ?? throw DomainRuleException.NotFound($"Versie {versie} van de escalatieregels bestaat niet.")));
    }

    /// <summary>De escalatieregels (huidige versie): per regel de ronde, de uitkomsten of eindresultaten die haar beperken en de stap die zij opent.</summary>
    public sealed record RegelsResource(int Versie, IReadOnlyList<Escalatieregel> Regels, DateTimeOffset VastgesteldOp)
    {
        public static RegelsResource Van(EscalatieregelsVersie v) => new(v.Versie, v.Regels, v.VastgesteldOp.ToUniversalTime());
    }

    public static async Task<Ok<RegelsResource>> Endpoint([AsParameters] MonitoringContext ctx)
    {
        var regels = await ctx.Session.Events.FetchLatest<Escalatieregels>(Escalatieregels.StreamKey, ctx.Ct);
        var huidig = regels?.Huidig ?? throw DomainRuleException.NotFound("Er zijn nog geen escalatieregels vastgesteld.");
        ctx.Http.Response.SetETag(regels.Version);
        return TypedResults.Ok(RegelsResource.Van(huidig));
    }
}
