using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RobuustOD.HttpDefaults.Representations;

/// <summary>
/// A document written in Markdown (a letter, a decision, a report to parliament) as a complete, printable HTML5 page:
/// A4, one inline style sheet and nothing else to load or run (<see cref="ContentSecurityPolicy"/>). Raw HTML in the
/// Markdown is shown as text, never rendered; links and images other than http(s), mailto and page anchors are
/// neutralised. Each service adds only what its document needs: a style, a pipeline extension, a pass over the parsed
/// document (e.g. the assessment's traffic-light cells).
/// </summary>
public static class AfdrukbarePagina
{
    /// <summary>For the HTML response: the inline style sheet is the only thing the page loads or runs.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Tables, and raw HTML shown as text: the start of every pipeline for these pages.</summary>
    public static MarkdownPipelineBuilder Pipeline() => new MarkdownPipelineBuilder().UsePipeTables().DisableHtml();

    private static readonly MarkdownPipeline Standaard = Pipeline().Build();

    /// <summary>What every page shares: A4, a readable measure, bordered tables whose header repeats on every page.</summary>
    public const string Basisstijl = """
        @page { size: A4; margin: 2cm; }
        :root { color-scheme: light; }
        body { font-family: "RijksoverheidSansText", "Segoe UI", Calibri, Arial, Helvetica, sans-serif; font-size: 11pt;
          line-height: 1.5; color: #111; background: #fff; max-width: 42em; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 15pt; line-height: 1.25; margin: 0 0 .3em; }
        h2 { font-size: 12pt; margin: 1.6em 0 .4em; break-after: avoid; page-break-after: avoid; }
        p, li { orphans: 3; widows: 3; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; line-height: 1.3; margin: .5em 0 1em; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #555; padding: 3pt 4pt; vertical-align: top; text-align: left; overflow-wrap: break-word; }
        th { background: #e6e6e6; font-weight: bold; }
        @media print { body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.4; } a { color: inherit; text-decoration: none; } }
        """;

    /// <param name="stijl">Rules after the base style (they win where they overlap).</param>
    /// <param name="pipeline">A pipeline built from <see cref="Pipeline"/> with the document's own extensions.</param>
    /// <param name="bewerk">A pass over the parsed document before it is rendered (classes, attributes).</param>
    public static string Html(string markdown, string titel, string? stijl = null, MarkdownPipeline? pipeline = null,
        Action<MarkdownDocument>? bewerk = null)
    {
        pipeline ??= Standaard;
        var document = Markdown.Parse(markdown, pipeline);
        bewerk?.Invoke(document);
        Ontwapen(document);

        var body = new StringWriter();
        var renderer = new HtmlRenderer(body);
        pipeline.Setup(renderer);
        renderer.Render(document);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(titel)).Append("</title>\n")
            .Append("<style>\n").Append(Basisstijl);
        if (stijl is not null)
        {
            html.Append('\n').Append(stijl);
        }

        html.Append("\n</style>\n</head>\n<body>\n<main>\n").Append(body).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Links and images only to http(s), mailto and anchors (the policy already blocks scripts; this keeps the page clean).</summary>
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
}
