using RobuustOD.HttpDefaults.Representations;

namespace RobuustOD.Platform.ContractTests;

/// <summary>
/// The representation building blocks every service's documents use: the printable page made from Markdown, the
/// Markdown escaping of values from the data, the choice between HTML and Markdown by <c>Accept</c>.
/// </summary>
public sealed class RepresentatieTests
{
    [Fact]
    public void de_afdrukbare_pagina_toont_ruwe_html_als_tekst_en_ontwapent_links()
    {
        var html = AfdrukbarePagina.Html(
            "# Kop\n\n<script>alert(1)</script> [klik](javascript:alert(1)) [goed](https://example.nl/a) [post](mailto:a@example.nl) [anker](#b)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "Titel <met> & zo", stijl: "td { color: #000; }");

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Titel &lt;met&gt; &amp; zo</title>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.nl/a\">goed</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:a@example.nl\">post</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#b\">anker</a>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("td { color: #000; }", StringComparison.Ordinal) > html.IndexOf("@page", StringComparison.Ordinal),
            "the document's own style comes after the base style, so that it wins");
    }

    [Theory]
    [InlineData("<b>vet</b> & zo", "&lt;b&gt;vet&lt;/b&gt; &amp; zo")]
    [InlineData("geen tekens", "geen tekens")]
    public void waarden_uit_de_gegevens_worden_in_markdown_nooit_html(string waarde, string verwacht) =>
        Assert.Equal(verwacht, MarkdownTekst.Encoder.Encode(waarde));

    [Theory]
    [InlineData(null, "text/html")]
    [InlineData("*/*", "text/html")]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("text/markdown;q=0.5, text/html;q=0.9", "text/html")]
    [InlineData("application/json", null)]
    public void html_of_markdown_naar_accept(string? accept, string? verwacht)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        if (accept is not null)
        {
            http.Request.Headers.Accept = accept;
        }

        Assert.Equal(verwacht, Inhoudsonderhandeling.Kies(http.Request, "text/html", "text/markdown"));
    }
}
