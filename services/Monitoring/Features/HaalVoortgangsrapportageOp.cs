using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

public static class HaalVoortgangsrapportageOp
{
    /// <summary>The report as it is now, or a submitted version of it (<c>?versie=1</c> is the submission itself).</summary>
    public static async Task<Ok<RapportageResource>> Endpoint(string id, [FromQuery] int? versie, [AsParameters] MonitoringContext ctx)
    {
        var (dossier, ronde, rapportage) = await ZichtbaarAsync(id, ctx);
        if (versie is { } n && rapportage.Versie(n) is null)
        {
            throw DomainRuleException.NotFound($"Voortgangsrapportage {id} heeft geen versie {n}.");
        }

        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(await RapportageResource.LaadAsync(dossier, ronde, ctx, versie));
    }

    /// <summary>A report the caller may not read is not found (an OD never learns of another's draft).</summary>
    public static async Task<(Monitoringdossier Dossier, string Ronde, Voortgangsrapportage Rapportage)> ZichtbaarAsync(string id, MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var dossier = await ctx.Session.Events.FetchLatest<Monitoringdossier>(code, ctx.Ct);
        if (dossier?.Rapportage(ronde) is not { } rapportage || !Toegang.MagLezen(ctx.Lezer, code, rapportage))
        {
            throw DomainRuleException.NotFound($"Voortgangsrapportage {id} bestaat niet.");
        }

        return (dossier, ronde, rapportage);
    }
}
