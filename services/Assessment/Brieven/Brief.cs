using RobuustOD.Domain;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// The letter of a published assessment, rendered with the current template of its round (or an older one with
/// <c>?sjabloonversie=</c>), as Markdown or as a printable HTML page, as the client's <c>Accept</c> asks.
/// </summary>
public static class Brief
{
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";

    /// <summary>What the template sees; the names are the template's variables (see the seed template's <c>_over</c>).</summary>
    public sealed record Gegevens(string Id, BeoordelingVersie Versie, Beoordelingsdossier Dossier, Beoordeling Beoordeling,
        OmgevingsdienstUitRegister? Omgevingsdienst, IReadOnlyCollection<CriteriumVersie> Criteria);

    public static async Task<IResult> HaalOp(string id, [FromQuery] int? versie, [FromQuery] int? sjabloonversie,
        [AsParameters] BeoordelingContext ctx)
    {
        if (Inhoudsonderhandeling.Kies(ctx.Http.Request, Html, Markdown) is not { } vorm)
        {
            return Inhoudsonderhandeling.NietAanvaardbaar(ctx.Http.Request, Html, Markdown);
        }

        var (dossier, beoordeling) = await ctx.ZichtbareAsync(id);
        var huidige = beoordeling.Huidige ?? throw DomainRuleException.Conflict(
            $"Beoordeling '{id}' is nog niet gepubliceerd; een brief is er pas bij een gepubliceerde beoordeling.");
        var gekozen = versie is null ? huidige : beoordeling.Versies.FirstOrDefault(v => v.Versie == versie)
            ?? throw DomainRuleException.NotFound($"Beoordeling '{id}' heeft geen versie {versie}.");

        var sjablonen = await ctx.Session.VersiesAsync(beoordeling.Ronde, ctx.Ct);
        if (sjablonen.Count == 0)
        {
            throw DomainRuleException.NotFound($"Er is (nog) geen briefsjabloon voor ronde {beoordeling.Ronde}.");
        }

        var sjabloon = sjabloonversie is null ? sjablonen[^1] : sjablonen.FirstOrDefault(s => s.Versie == sjabloonversie)
            ?? throw DomainRuleException.NotFound($"Het briefsjabloon van ronde {beoordeling.Ronde} heeft geen versie {sjabloonversie}.");

        var gegevens = new Gegevens(id, gekozen, dossier, beoordeling, await ctx.UitRegisterAsync(dossier.Id),
            await ctx.Session.Query<CriteriumVersie>().ToListAsync(ctx.Ct));
        var markdown = await MarkdownAsync(sjabloon, gegevens);

        var response = ctx.Http.Response;
        response.Headers.Vary = "Accept";
        var bestand = $"brief-{id}-v{gekozen.Versie}";
        if (vorm == Markdown)
        {
            response.Headers.ContentDisposition = $"inline; filename={bestand}.md";
            return TypedResults.Text(markdown, "text/markdown; charset=utf-8", Encoding.UTF8);
        }

        response.Headers.ContentDisposition = $"inline; filename={bestand}.html";
        response.Headers.ContentSecurityPolicy = BriefOpmaak.ContentSecurityPolicy;
        var titel = $"{sjabloon.Onderwerp} - {gegevens.Omgevingsdienst?.Naam ?? dossier.Id}";
        return TypedResults.Text(BriefOpmaak.Html(markdown, titel), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The letter in Markdown: its subject as a heading, a reference line, then the rendered template.</summary>
    public static async Task<string> MarkdownAsync(BriefSjabloon sjabloon, Gegevens gegevens)
    {
        var tekst = await Liquid.RenderAsync(sjabloon.Sjabloon, Variabelen(gegevens));
        var code = gegevens.Dossier.Id;
        var naam = gegevens.Omgevingsdienst?.Naam ?? code;
        var referentie = $"{naam} ({code}), beoordeling {gegevens.Id} versie {gegevens.Versie.Versie} van "
            + $"{Datum(DateOnly.FromDateTime(gegevens.Versie.Op.UtcDateTime))}, briefsjabloon {sjabloon.Ronde} versie {sjabloon.Versie}";
        return $"# {Bijlage.Cel(sjabloon.Onderwerp)}\n\n*{Bijlage.Cel(referentie)}*\n\n{tekst.Trim()}\n";
    }

    /// <summary>
    /// The template's variables. Seveso is the register's flag on the day the version was set, so a letter that was
    /// sent keeps its Seveso paragraph after a later withdrawal; the name is the register's current one.
    /// </summary>
    public static Dictionary<string, object?> Variabelen(Gegevens g)
    {
        var inhoud = g.Versie.Inhoud;
        var code = g.Dossier.Id;
        var plan = g.Dossier.Plannen.FirstOrDefault(p => p.Id == g.Beoordeling.PlanId);
        var op = DateOnly.FromDateTime(g.Versie.Op.UtcDateTime);
        return new Dictionary<string, object?>
        {
            ["geadresseerde"] = inhoud.Geadresseerde,
            ["omgevingsdienst"] = new Dictionary<string, object?>
            {
                ["naam"] = g.Omgevingsdienst?.Naam ?? code,
                ["code"] = code,
                ["seveso"] = g.Omgevingsdienst?.IsSevesoOp(op) ?? false,
            },
            ["plan"] = new Dictionary<string, object?> { ["ontvangenOp"] = Datum(plan?.OntvangenOp) },
            ["oordeel"] = inhoud.Oordeel is { } oordeel ? JsonNamingPolicy.CamelCase.ConvertName(oordeel.ToString()) : null,
            ["gesprekOp"] = Datum(inhoud.GesprekOp),
            ["tekortkomingen"] = inhoud.Tekortkomingen.ToArray(),
            ["opmerkingen"] = string.IsNullOrWhiteSpace(inhoud.Opmerkingen) ? null : inhoud.Opmerkingen.Trim(),
            ["bijlage"] = Bijlage.Markdown(inhoud.Criteria, g.Criteria),
        };
    }

    /// <summary>A Dutch long date: "1 juli 2024".</summary>
    public static string? Datum(DateOnly? datum) => datum?.ToString("d MMMM yyyy", Liquid.Nederlands);
}
