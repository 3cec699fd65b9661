using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// The letter's Markdown as a complete, printable HTML5 page. Raw HTML in the Markdown is not rendered but shown as
/// text (<c>DisableHtml</c>), except <c>&lt;br&gt;</c>, the line break inside annex cells; links other than http(s)
/// and mailto are neutralised. The annex's traffic-light cells get their colour from a class, and keep number and word.
/// </summary>
public static class BriefOpmaak
{
    /// <summary>For the HTML response: the inline style sheet is the only thing the page loads or runs.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .DisableHtml()
        .Use<RegelovergangInCel>()
        .Build();

    private const string Stijl = """
        @page { size: A4; margin: 2cm; }
        @page bijlage { size: A4 landscape; margin: 1.5cm; }
        :root { color-scheme: light; }
        body { font-family: "RijksoverheidSansText", "Segoe UI", Calibri, Arial, Helvetica, sans-serif; font-size: 11pt;
          line-height: 1.5; color: #111; background: #fff; max-width: 42em; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 15pt; line-height: 1.25; margin: 0 0 .3em; }
        h1 + p > em:only-child { display: block; font-style: normal; font-size: 9.5pt; color: #444;
          border-bottom: 1px solid #999; padding-bottom: .6em; margin-bottom: 1.2em; }
        h2 { font-size: 12pt; margin: 1.6em 0 .4em; break-after: avoid; page-break-after: avoid; }
        p, li { orphans: 3; widows: 3; }
        ul { padding-left: 1.4em; }
        li { margin: .25em 0; }
        h2:has(+ table) { break-before: page; page-break-before: always; }
        h2:has(+ table), h2:has(+ table) + table { page: bijlage; }
        table { border-collapse: collapse; width: 100%; font-size: 8pt; line-height: 1.3; margin: .5em 0 1em; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #555; padding: 3pt 4pt; vertical-align: top; text-align: left; overflow-wrap: break-word; }
        table.bijlage { table-layout: fixed; }
        table.bijlage th:nth-child(1) { width: 3.2em; }
        table.bijlage th:nth-child(2) { width: 11%; }
        table.bijlage th:nth-child(3) { width: 16%; }
        table.bijlage th:nth-child(4) { width: 24%; }
        table.bijlage th:nth-child(5) { width: 22%; }
        table.bijlage th:nth-child(6) { width: 7%; }
        table.bijlage th:nth-child(7) { width: 4.5em; }
        table.bijlage th:nth-child(8) { width: 6.5em; }
        th { background: #e6e6e6; font-weight: bold; }
        td.code { text-align: center; white-space: nowrap; }
        td.haalbaar { font-weight: bold; white-space: nowrap; text-align: center;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        td.haalbaar-groen { background: #b7e1b0; }
        td.haalbaar-oranje { background: #ffd08a; }
        td.haalbaar-rood { background: #f4a6a6; }
        @media print { body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.4; } a { color: inherit; text-decoration: none; } }
        """;

    public static string Html(string markdown, string titel)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        KleurBijlage(document);
        Ontwapen(document);

        var body = new StringWriter();
        var renderer = new HtmlRenderer(body);
        Pipeline.Setup(renderer);
        renderer.Render(document);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(titel)).Append("</title>\n")
            .Append("<style>\n").Append(Stijl).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<main>\n").Append(body).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Colours the traffic-light column of every table that has one (by its header), and centres the code column.</summary>
    private static void KleurBijlage(MarkdownDocument document)
    {
        foreach (var tabel in document.Descendants<Table>())
        {
            if (tabel.FirstOrDefault() is not TableRow { IsHeader: true } kopregel)
            {
                continue;
            }

            var koppen = kopregel.OfType<TableCell>().Select(Tekst).ToList();
            var haalbaar = koppen.FindIndex(k => k.StartsWith("Haalbaar", StringComparison.OrdinalIgnoreCase));
            var staat = koppen.FindIndex(k => k.Equals(Bijlage.StaatKolom, StringComparison.OrdinalIgnoreCase));
            if (haalbaar >= 0)
            {
                tabel.GetAttributes().AddClass("bijlage");
            }

            foreach (var rij in tabel.OfType<TableRow>().Where(r => !r.IsHeader))
            {
                var cellen = rij.OfType<TableCell>().ToList();
                if (staat >= 0 && staat < cellen.Count)
                {
                    cellen[staat].GetAttributes().AddClass("code");
                }

                if (haalbaar >= 0 && haalbaar < cellen.Count)
                {
                    var kleur = Tekst(cellen[haalbaar]).TrimStart() switch
                    {
                        var t when t.StartsWith('1') => "groen",
                        var t when t.StartsWith('2') => "oranje",
                        var t when t.StartsWith('3') => "rood",
                        _ => null,
                    };
                    var attributen = cellen[haalbaar].GetAttributes();
                    attributen.AddClass("haalbaar");
                    if (kleur is not null)
                    {
                        attributen.AddClass($"haalbaar-{kleur}");
                    }
                }
            }
        }
    }

    /// <summary>Links and images only to http(s) and mailto (the policy already blocks scripts; this keeps the page clean).</summary>
    private static void Ontwapen(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!Veilig(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!link.IsEmail && !Veilig(link.Url))
            {
                link.Url = "#";
            }
        }
    }

    private static bool Veilig(string? url) =>
        string.IsNullOrEmpty(url) || url.StartsWith('#')
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme is "http" or "https" or "mailto" : !url.Contains(':', StringComparison.Ordinal));

    private static string Tekst(Block cel) => string.Concat(cel.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    /// <summary>A line break inside a table cell, written <c>&lt;br&gt;</c>; it must not be a Markdown line break, which ends a table row.</summary>
    private sealed class Regelovergang : LeafInline;

    private sealed class RegelovergangParser : InlineParser
    {
        private const string Tag = "<br>";

        public RegelovergangParser() => OpeningCharacters = ['<'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (!slice.Match(Tag))
            {
                return false;
            }

            processor.Inline = new Regelovergang { Span = new SourceSpan(processor.GetSourcePosition(slice.Start, out _, out _), 0) };
            slice.Start += Tag.Length;
            return true;
        }
    }

    private sealed class RegelovergangRenderer : HtmlObjectRenderer<Regelovergang>
    {
        protected override void Write(HtmlRenderer renderer, Regelovergang obj) => renderer.Write("<br>");
    }

    private sealed class RegelovergangInCel : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.Insert(0, new RegelovergangParser());

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html)
            {
                html.ObjectRenderers.Insert(0, new RegelovergangRenderer());
            }
        }
    }
}
