using RobuustOD.Domain;
using System.Text.Json;
using Fluid.Values;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// The letter of a published assessment as Markdown: the template's variables and the reference line. Dates are Dutch
/// calendar dates (<see cref="Kalender"/>). The endpoint is <see cref="Features.HaalBriefOp"/>.
/// </summary>
public static class Brief
{
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";

    /// <summary>What the template sees; the names are the template's variables (see the seed template's <c>_over</c>).</summary>
    public sealed record Gegevens(string Id, BeoordelingVersie Versie, Beoordelingsdossier Dossier, Beoordeling Beoordeling,
        OmgevingsdienstUitRegister? Omgevingsdienst, IReadOnlyCollection<CriteriumVersie> Criteria);

    /// <summary>The letter in Markdown: its subject as a heading, a reference line, then the rendered template.</summary>
    public static async Task<string> MarkdownAsync(BriefSjabloon sjabloon, Gegevens gegevens)
    {
        var tekst = await Liquid.RenderAsync(sjabloon.Sjabloon, Variabelen(gegevens));
        var code = gegevens.Dossier.Id;
        var naam = gegevens.Omgevingsdienst?.Naam ?? code;
        var referentie = $"{naam} ({code}), beoordeling {gegevens.Id} versie {gegevens.Versie.Versie} van "
            + $"{Datum(Kalender.Datum(gegevens.Versie.Op))}, briefsjabloon {sjabloon.Ronde} versie {sjabloon.Versie}";
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
        // The Dutch date of the version: set at 00:30 on 1 April it is a letter of 1 April, not of 31 March (UTC).
        var op = Kalender.Datum(g.Versie.Op);
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
            // Markdown already, its cells escaped by Bijlage: written as it is (every other value is escaped on output).
            ["bijlage"] = new StringValue(Bijlage.Markdown(inhoud.Criteria, g.Criteria), encode: false),
        };
    }

    /// <summary>A Dutch long date: "1 juli 2024".</summary>
    public static string? Datum(DateOnly? datum) => datum?.ToString("d MMMM yyyy", Liquid.Nederlands);
}
