using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.RegisterReadModel;
using static RobuustOD.Assessment.DecisionTests.Given;

namespace RobuustOD.Assessment.DecisionTests;

/// <summary>
/// HTML in the data stays text in the Markdown letter: every value inserted (the register's name, the addressee, the
/// remarks, the shortcomings, the annex's cells) has its &lt;, &gt; and &amp; escaped as entities, which every Markdown
/// renderer shows literally; the template's own text is left as written. The HTML letter shows the same text once.
/// </summary>
public sealed class BriefOntsnappingTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Img = "<img src=x onerror=alert(1)>";
    private const string ScriptMd = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private const string ImgMd = "&lt;img src=x onerror=alert(1)&gt;";

    private static BriefSjabloon Sjabloon(string sjabloon) => new()
    {
        Id = "2024.1", Ronde = Ronde, Versie = 1, Onderwerp = "Oordeel", Sjabloon = sjabloon, VastgesteldOp = Moment, VastgesteldDoor = "seed",
    };

    private static Brief.Gegevens Gegevens(string naam = "Omgevingsdienst Groningen")
    {
        BeoordelingInhoud inhoud = new(Oordeel.NietRobuust, [Script, Img], new DateOnly(2024, 11, 20), $"Opmerking {Img} R&D", $"heer {Script}",
            [Score(4, 3, duiding: $"{Script}\nregel twee & {Img}")]);
        var dossier = Dossier(Aangemaakt(), Gepubliceerd(inhoud))!;
        var beoordeling = dossier.In(Ronde)!;
        return new Brief.Gegevens(Id, beoordeling.Huidige!, dossier, beoordeling, new OmgevingsdienstUitRegister { Id = Code, Naam = naam }, [Criterium(4)]);
    }

    [Fact]
    public async Task elke_waarde_uit_de_gegevens_is_in_markdown_ontsnapt()
    {
        var markdown = await Brief.MarkdownAsync(Sjabloon(
            "{{ omgevingsdienst.naam }}: Geachte {{ geadresseerde }},\n\n{{ opmerkingen }}\n\n{% for t in tekortkomingen %}- {{ t }}\n{% endfor %}\n{{ bijlage }}"),
            Gegevens($"Dienst {Img}"));

        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Dienst {ImgMd}: Geachte heer {ScriptMd},\n\nOpmerking {ImgMd} R&amp;D\n\n- {ScriptMd}\n- {ImgMd}\n", markdown, StringComparison.Ordinal);
        // The annex cell: escaped the same way, its line break still the one tag the letter writes itself.
        Assert.Contains($"| {ScriptMd}<br>regel twee &amp; {ImgMd} |", markdown, StringComparison.Ordinal);
        // The reference line names the OD from the register, escaped too.
        Assert.Contains($"*Dienst {ImgMd} (ODG), beoordeling", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ook_na_een_filter_is_de_waarde_ontsnapt()
    {
        var markdown = await Brief.MarkdownAsync(Sjabloon(
            "{{ opmerkingen | upcase }} {{ geadresseerde | append: '!' }} {{ tekortkomingen | join: ', ' }} {{ '%3Cb%3E' | url_decode }}"), Gegevens());

        Assert.Contains($"OPMERKING &lt;IMG SRC=X ONERROR=ALERT(1)&gt; R&amp;D heer {ScriptMd}! {ScriptMd}, {ImgMd} &lt;b&gt;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task de_vaste_tekst_van_het_sjabloon_blijft_zoals_hij_is()
    {
        var markdown = await Brief.MarkdownAsync(Sjabloon("Vaste tekst: R&D <u>blijft</u> > citaat, {{ gesprekOp }} • ë 😀"), Gegevens());

        Assert.Contains("Vaste tekst: R&D <u>blijft</u> > citaat, 20 november 2024 • ë 😀", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task niet_ascii_tekst_uit_de_gegevens_blijft_heel()
    {
        var markdown = await Brief.MarkdownAsync(Sjabloon("{{ omgevingsdienst.naam }}"), Gegevens("Fryske Utfieringstsjinst – ë • 😀 & co"));

        Assert.Contains("\n\nFryske Utfieringstsjinst – ë • 😀 &amp; co\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task de_html_brief_toont_de_tekst_een_keer_ontsnapt()
    {
        var markdown = await Brief.MarkdownAsync(Sjabloon("{{ opmerkingen }}\n\n{% for t in tekortkomingen %}- {{ t }}\n{% endfor %}\n{{ bijlage }}"), Gegevens());

        var html = BriefOpmaak.Html(markdown, "Oordeel");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&amp;lt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", html, StringComparison.Ordinal);
        Assert.Contains($"<p>Opmerking {ImgMd} R&amp;D</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{ScriptMd}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{ScriptMd}<br>regel twee &amp; {ImgMd}</td>", html, StringComparison.Ordinal);
    }
}
