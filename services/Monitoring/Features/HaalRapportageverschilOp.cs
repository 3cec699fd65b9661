using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>What changed between two versions of a submitted report (<c>?van=1&amp;naar=2</c>, as in the assessment).</summary>
public static class HaalRapportageverschilOp
{
    public sealed record VerschilResource(string Id, int Van, int Naar, Rapportageverschil Verschil);

    public static async Task<Ok<VerschilResource>> Endpoint(string id, [FromQuery] int van, [FromQuery] int naar, [AsParameters] MonitoringContext ctx)
    {
        var (dossier, _, rapportage) = await HaalVoortgangsrapportageOp.ZichtbaarAsync(id, ctx);
        var oud = rapportage.Versie(van) ?? throw DomainRuleException.NotFound($"Voortgangsrapportage {id} heeft geen versie {van}.");
        var nieuw = rapportage.Versie(naar) ?? throw DomainRuleException.NotFound($"Voortgangsrapportage {id} heeft geen versie {naar}.");
        var gegevens = await Rapportagegegevens.LaadAsync(ctx.Session, dossier.Id, ctx.Ct);
        return TypedResults.Ok(new VerschilResource(id, van, naar, Rapportageverschil.Tussen(oud.Inhoud, nieuw.Inhoud,
            gegevens.Evaluatie(rapportage, oud.Inhoud), gegevens.Evaluatie(rapportage, nieuw.Inhoud))));
    }
}
