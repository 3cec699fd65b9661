using RobuustOD.HttpDefaults.Representations;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy.Beschikkingen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// The decision letter of a decided request, rendered with the current template (or an older version with
/// <c>?sjabloonversie=</c>), as a printable HTML page (default) or Markdown, as <c>Accept</c> asks; 406 for anything else.
/// </summary>
public static class HaalBeschikkingOp
{
    public static async Task<IResult> Endpoint(string id, [FromQuery] int? sjabloonversie, [AsParameters] SubsidieContext ctx)
    {
        // HTML unless the client prefers Markdown; 406 when it accepts neither (the platform's one negotiation rule).
        if (Inhoudsonderhandeling.Kies(ctx.Http.Request, Beschikking.HtmlType, Beschikking.MarkdownType) is not { } vorm)
        {
            return Inhoudsonderhandeling.NietAanvaardbaar(ctx.Http.Request, Beschikking.HtmlType, Beschikking.MarkdownType);
        }

        var aanvraag = await HaalAanvraagOp.ZichtbaarAsync(ctx.Session, ctx.Gebruiker, id, ctx.Ct);
        if (aanvraag.Besluit is null)
        {
            throw DomainRuleException.Conflict($"Op aanvraag '{id}' is nog niet besloten; een beschikking is er pas bij een besluit.");
        }

        var sjablonen = await ctx.Session.VersiesAsync(ctx.Ct);
        var sjabloon = (sjabloonversie is null ? (sjablonen.Count > 0 ? sjablonen[^1] : null) : sjablonen.FirstOrDefault(s => s.Versie == sjabloonversie))
            ?? throw DomainRuleException.NotFound(sjabloonversie is null ? "Er is (nog) geen beschikkingsjabloon." : $"Het beschikkingsjabloon heeft geen versie {sjabloonversie}.");
        var regeling = (await ctx.Session.Events.FetchLatest<Regeling>(Regeling.StreamKey(aanvraag.Regeling), ctx.Ct))!;
        var od = await ctx.Session.LoadAsync<OmgevingsdienstUitRegister>(aanvraag.Omgevingsdienst, ctx.Ct);
        var markdown = await Beschikking.MarkdownAsync(sjabloon, aanvraag, regeling, od);

        var response = ctx.Http.Response;
        response.Headers.Vary = "Accept";
        var bestand = $"beschikking-{aanvraag.AanvraagId}";
        if (vorm == Beschikking.MarkdownType)
        {
            response.Headers.ContentDisposition = $"inline; filename={bestand}.md";
            return TypedResults.Text(markdown, "text/markdown; charset=utf-8", Encoding.UTF8);
        }

        response.Headers.ContentDisposition = $"inline; filename={bestand}.html";
        response.Headers.ContentSecurityPolicy = Beschikking.ContentSecurityPolicy;
        return TypedResults.Text(Beschikking.Html(markdown, $"{sjabloon.Onderwerp} - {od?.Naam ?? aanvraag.Omgevingsdienst}"), "text/html; charset=utf-8", Encoding.UTF8);
    }
}
