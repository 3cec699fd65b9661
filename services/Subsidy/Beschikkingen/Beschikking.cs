using System.Globalization;
using Fluid;
using RobuustOD.HttpDefaults.Representations;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Beschikkingen;

/// <summary>
/// The decision letter of a request, as the assessment renders its letter: a Liquid template (data, versioned) producing
/// Markdown, and from the Markdown a printable HTML page. Every value from the data is escaped before the template
/// sees it (&lt;, &gt; and &amp; become entities, so no value becomes HTML in any Markdown renderer); the template's
/// own text is written as it is. The HTML page shows raw HTML in the Markdown as text.
/// </summary>
public static class Beschikking
{
    public const string HtmlType = "text/html";
    public const string MarkdownType = "text/markdown";

    public static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    public const string ContentSecurityPolicy = AfdrukbarePagina.ContentSecurityPolicy;

    private static readonly FluidParser Parser = new();

    // A template is data its owner edits: bound loops and recursion so that no template can hang a request.
    private static readonly TemplateOptions Options = new() { CultureInfo = Nederlands, MaxSteps = 1_000_000, MaxRecursion = 50 };

    /// <summary>The parser's message when <paramref name="bron"/> is not valid Liquid; null when it parses.</summary>
    public static string? Fout(string bron) => Parser.TryParse(bron, out _, out var fout) ? null : fout;

    public static async Task<string> MarkdownAsync(BeschikkingSjabloon sjabloon, Aanvraag aanvraag, Regeling regeling, OmgevingsdienstUitRegister? od)
    {
        if (!Parser.TryParse(sjabloon.Sjabloon, out var template, out var fout))
        {
            throw DomainRuleException.Conflict($"Het beschikkingsjabloon is geen geldige Liquid: {fout}");
        }

        var context = new TemplateContext(Options);
        foreach (var (naam, waarde) in Variabelen(aanvraag, regeling, od))
        {
            context.SetValue(naam, waarde);
        }

        var tekst = await template.RenderAsync(context, NullEncoder.Default);
        var referentie = $"Aanvraag {aanvraag.AanvraagId}, regeling {regeling.Code} versie {aanvraag.RegelingVersie}, beschikkingsjabloon versie {sjabloon.Versie}";
        return $"# {Tekst(sjabloon.Onderwerp)}\n\n*{Tekst(referentie)}*\n\n{tekst.Trim()}\n";
    }

    /// <summary>The template's variables (see the seed template's <c>_over</c>).</summary>
    public static Dictionary<string, object?> Variabelen(Aanvraag a, Regeling regeling, OmgevingsdienstUitRegister? od)
    {
        var besluit = a.Besluit!;
        var voorschot = a.Betalingen.Where(b => b.Soort == Betalingssoort.Voorschot).Sum(b => b.Bedrag);
        var percentage = a.Regels?.VoorschotPercentage;
        return new Dictionary<string, object?>
        {
            ["omgevingsdienst"] = new Dictionary<string, object?> { ["naam"] = Tekst(od?.Naam ?? a.Omgevingsdienst), ["code"] = Tekst(a.Omgevingsdienst) },
            ["regeling"] = new Dictionary<string, object?> { ["code"] = a.Regeling, ["naam"] = Tekst((a.Regels ?? regeling.Huidige.Regels).Naam) },
            ["aanvraag"] = new Dictionary<string, object?>
            {
                ["id"] = a.AanvraagId,
                ["ingediendOp"] = Datum(a.IngediendOp),
                ["aangevraagdBedrag"] = Geld.Euro(a.AangevraagdBedrag),
            },
            ["verleend"] = besluit.Uitkomst == Uitkomst.Verleend,
            ["geheel"] = besluit.Uitkomst == Uitkomst.Verleend && besluit.Bedrag == a.AangevraagdBedrag,
            ["bedrag"] = Geld.Euro(besluit.Bedrag),
            ["motivering"] = Tekst(besluit.Motivering),
            ["besluitOp"] = Datum(besluit.Op),
            ["activiteiten"] = a.Activiteiten.Select((x, n) => new Dictionary<string, object?>
            {
                ["nummer"] = n + 1,
                ["omschrijving"] = Cel(x.Omschrijving),
                ["criteria"] = string.Join(", ", x.Criteria),
                ["aangevraagd"] = Geld.Euro(x.Bedrag),
                ["verleend"] = n < besluit.PerActiviteit.Count ? Geld.Euro(besluit.PerActiviteit[n]) : Geld.Euro(0),
            }).ToArray(),
            ["voorschot"] = new Dictionary<string, object?>
            {
                ["bedrag"] = Geld.Euro(voorschot),
                ["percentage"] = percentage?.ToString("0.##", Nederlands),
                ["rest"] = Geld.Euro(Math.Max(0, besluit.Bedrag - voorschot)),
            },
            ["verantwoordingUiterlijk"] = Datum(a.Regels?.VerantwoordingUiterlijk),
            ["bezwaarUiterlijk"] = Datum(a.BezwaarUiterlijk),
            ["eigenaar"] = a.Behandelaar == Eigenaar.Odnl ? "Omgevingsdienst NL" : "de minister van Infrastructuur en Waterstaat",
        };
    }

    public static string Html(string markdown, string titel) => AfdrukbarePagina.Html(markdown, titel);

    public static string? Datum(DateTimeOffset? op) => op is { } o ? Datum(Kalender.Datum(o)) : null;

    public static string? Datum(DateOnly? datum) => datum?.ToString("d MMMM yyyy", Nederlands);

    /// <summary>Text from the data: the three characters that would start HTML become entities.</summary>
    public static string Tekst(string tekst) => tekst.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Text in a table cell: escaped, its pipes and line breaks kept from breaking the row.</summary>
    public static string Cel(string tekst) => Tekst(tekst).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
