using RobuustOD.HttpDefaults.Representations;
using RobuustOD.Domain;
using System.Globalization;
using Fluid;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// Letter templates in Liquid, parsed and rendered with Fluid. The output is Markdown: the template's own text is written
/// as it is, and the output of every <c>{{ }}</c> (the data, after any filter) is escaped for Markdown
/// (<see cref="MarkdownTekst"/>), except values that are Markdown already (a <c>StringValue</c> made with <c>encode: false</c>).
/// </summary>
public static class Liquid
{
    public static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    // FluidParser is thread-safe and meant to be reused.
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new()
    {
        CultureInfo = Nederlands,
        // A template is data that IenW edits: bound loops and recursion so that no template can hang a request.
        MaxSteps = 1_000_000,
        MaxRecursion = 50,
    };

    /// <summary>The parser's message when <paramref name="bron"/> is not valid Liquid; null when it parses.</summary>
    public static string? Fout(string bron) => Parser.TryParse(bron, out _, out var fout) ? null : Kort(fout);

    /// <summary>Renders <paramref name="bron"/> with <paramref name="variabelen"/> (strings, booleans, lists, dictionaries).</summary>
    public static async Task<string> RenderAsync(string bron, IReadOnlyDictionary<string, object?> variabelen)
    {
        if (!Parser.TryParse(bron, out var sjabloon, out var fout))
        {
            throw DomainRuleException.Conflict($"Het briefsjabloon is geen geldige Liquid: {Kort(fout)}");
        }

        var context = new TemplateContext(Options);
        foreach (var (naam, waarde) in variabelen)
        {
            context.SetValue(naam, waarde);
        }

        try
        {
            return await sjabloon.RenderAsync(context, MarkdownTekst.Encoder);
        }
        catch (InvalidOperationException e)
        {
            throw DomainRuleException.Conflict($"Het briefsjabloon kan niet worden toegepast: {e.Message}");
        }
    }

    // Fluid appends the whole source after its message; the message with its position is what a writer needs.
    private static string Kort(string? fout)
    {
        var tekst = fout ?? "onbekende fout";
        var bron = tekst.IndexOf("Source:", StringComparison.Ordinal);
        return (bron > 0 ? tekst[..bron] : tekst).Trim();
    }
}
