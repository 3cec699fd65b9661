using RobuustOD.HttpDefaults.Representations;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// The letter of a published assessment, rendered with the current template of its round (or an older one with
/// <c>?sjabloonversie=</c>), as Markdown or as a printable HTML page, as the client's <c>Accept</c> asks.
/// </summary>
public static class HaalBriefOp
{
    public static async Task<IResult> Endpoint(string id, [FromQuery] int? versie, [FromQuery] int? sjabloonversie,
        [AsParameters] BeoordelingContext ctx)
    {
        if (Inhoudsonderhandeling.Kies(ctx.Http.Request, Brief.Html, Brief.Markdown) is not { } vorm)
        {
            return Inhoudsonderhandeling.NietAanvaardbaar(ctx.Http.Request, Brief.Html, Brief.Markdown);
        }

        var (dossier, beoordeling) = await ctx.Session.ZichtbareBeoordelingAsync(ctx.User, id, ctx.Ct);
        var huidige = beoordeling.Huidige ?? throw DomainRuleException.Conflict(
            $"Beoordeling '{id}' is nog niet gepubliceerd; een brief is er pas bij een gepubliceerde beoordeling.");
        var gekozen = versie is null ? huidige : beoordeling.Versie(id, versie.Value);

        var sjablonen = await ctx.Session.VersiesAsync(beoordeling.Ronde, ctx.Ct);
        if (sjablonen.Count == 0)
        {
            throw DomainRuleException.NotFound($"Er is (nog) geen briefsjabloon voor ronde {beoordeling.Ronde}.");
        }

        var sjabloon = sjabloonversie is null ? sjablonen[^1] : sjablonen.FirstOrDefault(s => s.Versie == sjabloonversie)
            ?? throw DomainRuleException.NotFound($"Het briefsjabloon van ronde {beoordeling.Ronde} heeft geen versie {sjabloonversie}.");

        var gegevens = new Brief.Gegevens(id, gekozen, dossier, beoordeling,
            await ctx.Session.LoadAsync<OmgevingsdienstUitRegister>(dossier.Id, ctx.Ct),
            await ctx.Session.Query<CriteriumVersie>().ToListAsync(ctx.Ct));
        var markdown = await Brief.MarkdownAsync(sjabloon, gegevens);

        var response = ctx.Http.Response;
        response.Headers.Vary = "Accept";
        var bestand = $"brief-{id}-v{gekozen.Versie}";
        if (vorm == Brief.Markdown)
        {
            response.Headers.ContentDisposition = $"inline; filename={bestand}.md";
            return TypedResults.Text(markdown, "text/markdown; charset=utf-8", Encoding.UTF8);
        }

        response.Headers.ContentDisposition = $"inline; filename={bestand}.html";
        response.Headers.ContentSecurityPolicy = BriefOpmaak.ContentSecurityPolicy;
        var titel = $"{sjabloon.Onderwerp} - {gegevens.Omgevingsdienst?.Naam ?? dossier.Id}";
        return TypedResults.Text(BriefOpmaak.Html(markdown, titel), "text/html; charset=utf-8", Encoding.UTF8);
    }
}
