using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RobuustOD.HttpDefaults.Representations;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// The letter's Markdown as a complete, printable HTML5 page (<see cref="AfdrukbarePagina"/>: raw HTML shown as text,
/// except <c>&lt;br&gt;</c>, the line break inside annex cells; links other than http(s) and mailto neutralised). The annex's traffic-light cells get their colour from a class, and keep number and word.
/// </summary>
public static class BriefOpmaak
{
    public const string ContentSecurityPolicy = AfdrukbarePagina.ContentSecurityPolicy;

    private static readonly MarkdownPipeline Pipeline = AfdrukbarePagina.Pipeline().Use<RegelovergangInCel>().Build();

    /// <summary>The letter's own rules on top of the shared page: the annex in landscape, its columns, the traffic lights.</summary>
    private const string Stijl = """
        @page bijlage { size: A4 landscape; margin: 1.5cm; }
        h1 + p > em:only-child { display: block; font-style: normal; font-size: 9.5pt; color: #444;
          border-bottom: 1px solid #999; padding-bottom: .6em; margin-bottom: 1.2em; }
        ul { padding-left: 1.4em; }
        li { margin: .25em 0; }
        h2:has(+ table) { break-before: page; page-break-before: always; }
        h2:has(+ table), h2:has(+ table) + table { page: bijlage; }
        table { font-size: 8pt; }
        table.bijlage { table-layout: fixed; }
        table.bijlage th:nth-child(1) { width: 3.2em; }
        table.bijlage th:nth-child(2) { width: 11%; }
        table.bijlage th:nth-child(3) { width: 16%; }
        table.bijlage th:nth-child(4) { width: 24%; }
        table.bijlage th:nth-child(5) { width: 22%; }
        table.bijlage th:nth-child(6) { width: 7%; }
        table.bijlage th:nth-child(7) { width: 4.5em; }
        table.bijlage th:nth-child(8) { width: 6.5em; }
        td.code { text-align: center; white-space: nowrap; }
        td.haalbaar { font-weight: bold; white-space: nowrap; text-align: center;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        td.haalbaar-groen { background: #b7e1b0; }
        td.haalbaar-oranje { background: #ffd08a; }
        td.haalbaar-rood { background: #f4a6a6; }
        """;

    public static string Html(string markdown, string titel) => AfdrukbarePagina.Html(markdown, titel, Stijl, Pipeline, KleurBijlage);

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
