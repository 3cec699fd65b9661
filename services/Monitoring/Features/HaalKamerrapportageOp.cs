using Marten;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Kamerrapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// The report to parliament of a period, as it was frozen (the latest version, or <c>/versies/{versie}</c>): stored
/// and served unchanged, readable by every role. Before IenW froze it there is nothing to read here but the draft
/// (<see cref="HaalKamerrapportageConceptOp"/>), which only IenW and its assessors see.
/// </summary>
public static class HaalKamerrapportageOp
{
    public static async Task<IResult> Endpoint(string periode, [AsParameters] MonitoringContext ctx)
    {
        var p = Kamerperiode.Lees(periode);
        var laatste = (await ctx.Session.Events.FetchLatest<KamerrapportagePeriode>(p.StreamKey, ctx.Ct))?.Laatste
            ?? throw DomainRuleException.NotFound($"De kamerrapportage over {p.Id} is nog niet vastgesteld.");
        return Antwoord(laatste, p, ctx);
    }

    public static async Task<IResult> VersieEndpoint(string periode, int versie, [AsParameters] MonitoringContext ctx)
    {
        var p = Kamerperiode.Lees(periode);
        var gevonden = (await ctx.Session.Events.FetchLatest<KamerrapportagePeriode>(p.StreamKey, ctx.Ct))?.Versies.FirstOrDefault(v => v.Versie == versie)
            ?? throw DomainRuleException.NotFound($"De kamerrapportage over {p.Id} heeft geen vastgestelde versie {versie}.");
        return Antwoord(gevonden, p, ctx);
    }

    private static IResult Antwoord(VastgesteldeKamerrapportage v, Kamerperiode p, MonitoringContext ctx)
    {
        ctx.Http.Response.SetETag(v.Versie);
        return KamerrapportageResource.Antwoord(ctx.Http, KamerrapportageResource.Van(v, p, ctx.Api), v);
    }
}

/// <summary>The draft of a period's report, made now from the data as it stands (on today, or the period's last day).</summary>
public static class HaalKamerrapportageConceptOp
{
    public static async Task<IResult> Endpoint(string periode, [AsParameters] MonitoringContext ctx)
    {
        var p = Kamerperiode.Lees(periode);
        var peildatum = p.Peildatum(ctx.Vandaag);
        var inhoud = Kamerrapportage.Stel(p, peildatum, await KamerrapportageBronnenLader.LaadAsync(ctx.Session, peildatum, ctx.Ct));
        return KamerrapportageResource.Antwoord(ctx.Http, KamerrapportageResource.VanConcept(inhoud, p, ctx.Api), null);
    }
}
