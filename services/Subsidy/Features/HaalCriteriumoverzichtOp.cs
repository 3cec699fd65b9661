using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Domain;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// Per robustness criterion how much money goes to it under a scheme: requested (submitted requests) and granted.
/// An activity that serves several criteria counts in full for each of them (the request does not divide its costs
/// over criteria, and this service does not invent a division), so the rows do not add up to the scheme's total.
/// </summary>
public static class HaalCriteriumoverzichtOp
{
    public sealed record CriteriumTotaal(int Nummer, string? Titel, int AantalActiviteiten, decimal Aangevraagd, decimal Verleend);

    public sealed record CriteriumoverzichtResource(string Regeling, IReadOnlyList<CriteriumTotaal> Criteria);

    public static async Task<Ok<CriteriumoverzichtResource>> Endpoint(string code, [AsParameters] SubsidieContext ctx)
    {
        _ = await ctx.Session.Events.FetchLatest<Regeling>(Regeling.StreamKey(HaalRegelingOp.Controleer(code)), ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Regeling '{code}' bestaat niet.");
        var catalogus = await ctx.Session.CatalogusAsync(ctx.Ct);
        var aanvragen = await ctx.Session.Query<Aanvraag>().Where(a => a.Regeling == code && a.Status != AanvraagStatus.Concept).ToListAsync(ctx.Ct);
        var regels = aanvragen.SelectMany(a => a.Activiteiten.SelectMany((x, n) => x.Criteria.Select(c => (Criterium: c, x.Bedrag,
            Verleend: a.Besluit is { Uitkomst: Uitkomst.Verleend } b && n < b.PerActiviteit.Count ? b.PerActiviteit[n] : 0m))));
        var criteria = regels.GroupBy(r => r.Criterium).OrderBy(g => g.Key)
            .Select(g => new CriteriumTotaal(g.Key, catalogus.GetValueOrDefault(g.Key)?.Titel, g.Count(), g.Sum(r => r.Bedrag), g.Sum(r => r.Verleend)))
            .ToList();
        return TypedResults.Ok(new CriteriumoverzichtResource(code, criteria));
    }
}
