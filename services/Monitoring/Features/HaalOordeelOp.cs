using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

public static class HaalOordeelOp
{
    /// <summary>A judgement the caller may not read (a draft for anyone but IenW and the assessor, another OD's) is not found.</summary>
    public static async Task<Ok<OordeelResource>> Endpoint(string id, [AsParameters] MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var dossier = await ctx.Session.Events.FetchLatest<Bijsturingsdossier>(code, ctx.Ct);
        if (dossier?.Oordelen.GetValueOrDefault(ronde) is not { } oordeel || !BijsturingToegang.MagOordeelLezen(ctx.Lezer, code)
            || (oordeel.Vastgesteld is null && !ctx.Lezer.IsIenwOfBeoordelaar))
        {
            throw DomainRuleException.NotFound($"Er is geen oordeel over voortgangsrapportage {id}.");
        }

        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(await OordeelResource.LaadAsync(dossier, ronde, ctx));
    }
}

/// <summary>All judgements of one OD, per round; drafts only for IenW and the assessor; another OD's token: 403.</summary>
public static class ZoekOordelen
{
    public sealed record Oordelen(string Omgevingsdienst, Eindresultaat? RobuustOp1April2026, IReadOnlyList<OordeelResource> Items);

    public static async Task<Ok<Oordelen>> Endpoint(string code, [AsParameters] MonitoringContext ctx)
    {
        OdCode.Controleer(code, "code");
        if (!BijsturingToegang.MagOordeelLezen(ctx.Lezer, code))
        {
            throw DomainRuleException.Forbidden($"Dit token leest alleen de oordelen van {ctx.Lezer.Od}.");
        }

        var dossier = await ctx.Session.Events.FetchLatest<Bijsturingsdossier>(code, ctx.Ct);
        var namen = await OordeelResource.NamenAsync(ctx.Session, ctx.Ct);
        var items = (dossier?.Oordelen.Values.AsEnumerable() ?? [])
            .Where(o => o.Vastgesteld is not null || ctx.Lezer.IsIenwOfBeoordelaar)
            .OrderBy(o => o.Ronde, StringComparer.Ordinal)
            .Select(o => OordeelResource.Van(code, o, namen, ctx.Lezer.IsIenwOfBeoordelaar, dossier!.Escalaties.Values, ctx.Api.BasePath))
            .ToList();
        return TypedResults.Ok(new Oordelen(code, dossier?.Eindresultaat, items));
    }
}
