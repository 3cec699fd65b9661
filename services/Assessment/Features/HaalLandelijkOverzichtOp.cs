using RobuustOD.HttpDefaults.Representations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Overzicht;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// The national matrix as JSON or CSV. <c>?ronde=</c> chooses the round; without it, the most recent round with a
/// published assessment (the answer's <c>ronde</c> says which). While nothing at all is published there is no such
/// round: 404, rather than an empty matrix of a round that would have to be made up. A named round without
/// publications is an empty matrix.
/// </summary>
public static class HaalLandelijkOverzichtOp
{
    public static async Task<IResult> Endpoint([FromQuery] string? ronde, [FromQuery] bool? seveso, [AsParameters] BeoordelingContext ctx)
    {
        if (ronde is not null)
        {
            BeoordelingId.ControleerRonde(ronde);
        }

        if (Inhoudsonderhandeling.Kies(ctx.Http.Request, LandelijkOverzicht.Json, LandelijkOverzicht.Csv) is not { } vorm)
        {
            return Inhoudsonderhandeling.NietAanvaardbaar(ctx.Http.Request, LandelijkOverzicht.Json, LandelijkOverzicht.Csv);
        }

        var dossiers = await ctx.Session.Query<Beoordelingsdossier>().ToListAsync(ctx.Ct);
        var gekozen = ronde ?? LandelijkOverzicht.MeestRecenteRonde(dossiers) ?? throw DomainRuleException.NotFound(
            "Er is nog geen gepubliceerde beoordeling, dus ook geen meest recente ronde; vraag een ronde op met ?ronde=.");
        var gepubliceerd = dossiers
            .Select(d => (Code: d.Id, Beoordeling: d.In(gekozen)))
            .Where(x => x.Beoordeling?.Huidige is not null && ctx.User.MagZien(x.Code, x.Beoordeling))
            .Select(x => (x.Code, Versie: x.Beoordeling!.Huidige!))
            .ToList();
        var register = gepubliceerd.Count == 0
            ? new Dictionary<string, OmgevingsdienstUitRegister>()
            : (await ctx.Session.LoadManyAsync<OmgevingsdienstUitRegister>(ctx.Ct, gepubliceerd.Select(x => x.Code).ToArray()))
                .ToDictionary(o => o.Id, StringComparer.Ordinal);
        var matrix = LandelijkOverzicht.Bouw(gekozen, seveso, gepubliceerd, register, await ctx.Session.HuidigeAsync(ctx.Ct), ctx.Vandaag);

        ctx.Http.Response.Headers.Vary = "Accept";
        if (vorm == LandelijkOverzicht.Json)
        {
            return TypedResults.Ok(matrix);
        }

        ctx.Http.Response.Headers.ContentDisposition = $"attachment; filename=landelijk-overzicht-{gekozen}.csv";
        return TypedResults.Bytes(LandelijkOverzicht.AlsCsv(matrix), "text/csv; charset=utf-8");
    }
}
