using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Seeds;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// The ODG seed (assessment and 2024 template), loaded once for the class: the letter it renders must read like the
/// seed letter of the State Secretary to Omgevingsdienst Groningen, annex included.
/// </summary>
public sealed class OdgBriefFixture(RobuustOD.TestInfrastructure.PostgresServer postgres) : AssessmentFixture(postgres)
{
    public const string Id = "ODG-2024";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await BriefSjablonen.LaadSeedAsync(App.Store, SeedsFolder, ct));
        var odg = BeoordelingSeed.Lees(SeedsFolder).Beoordelingen.Single(b => b.Id == Id);
        Assert.True(await Importer.ImportBeoordelingAsync(odg, ct) > 0);
    }
}

/// <summary>The letter: rendered from the round's template as HTML (printable) or Markdown, for published assessments only.</summary>
public sealed partial class BriefTests(OdgBriefFixture fixture) : AssessmentTest<OdgBriefFixture>(fixture)
{
    private const string Brief = $"{Base}/beoordelingen/{OdgBriefFixture.Id}/brief";

    private static readonly string[] Tekortkomingen =
    [
        "U heeft geen op de robuustheidscriteria gespecificeerd plan van aanpak aangeleverd; het betreft een organisatieplan. Voor zover de relevante punten zijn opgenomen in uw plan, worden deze hoog over beschreven.",
        "Diverse onderwerpen/punten, waar in de brief van december 2023 om gevraagd is, ontbreken in het plan waaronder een tijdsplanning per kwartaal (onder andere de business intelligence-strategie en de hiervoor benodigde fte en de innovatieagenda), governance/mandaat, uitbreiding van niet milieutaken en opleidingsbudget.",
        "U geeft aan te streven naar 80% van de medewerkers in vaste dienst; echter een concreet plan ontbreekt.",
        "Over de kwaliteitscriteria vermeldt u diverse vastgestelde uitgangspunten: zonder verdere concrete invulling leidt dit echter niet tot voldoen aan de vigerende kwaliteitscriteria.",
        "Gelet de inschatting dat u niet zelfstandig robuust kunt worden, is het aannemelijk om concretere acties om te komen tot een fusie op te nemen.",
    ];

    private static readonly string[] Kolommen =
    [
        "Vraag", "Criterium", "Specifieke vragen IenW aan de OD", "Maatregel in plan", "Duiding TG", "Bron", "Staat in PvA", "Haalbaar voor 1-4-2026?",
    ];

    private async Task<HttpResponseMessage> HaalBriefAsync(string url, string? accept, string clientId = "ipo")
    {
        using var client = await Als(clientId);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request, Ct);
    }

    private async Task<string> TekstAsync(string url, string? accept, string mediaType, string clientId = "ipo")
    {
        using var response = await HaalBriefAsync(url, accept, clientId);
        var tekst = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {tekst}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return tekst;
    }

    /// <summary>Text of the HTML without tags, entities decoded and whitespace collapsed: what a reader sees.</summary>
    private static string Leesbaar(string html) =>
        Spaties().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [Fact]
    public async Task de_brief_aan_odg_in_html_leest_als_de_echte_brief()
    {
        using var response = await HaalBriefAsync(Brief, null);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4; margin: 2cm; }", html, StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("Accept", response.Headers.Vary);

        var tekst = Leesbaar(html);
        Assert.Contains("Oordeel plan van aanpak Robuuste Omgevingsdienst", tekst, StringComparison.Ordinal);
        Assert.Contains("Geachte heer Schmaal,", tekst, StringComparison.Ordinal);
        Assert.Contains("Oordeel: de inschatting is dat uw omgevingsdienst op 1 april 2026 niet robuust is", tekst, StringComparison.Ordinal);
        Assert.Contains("Op basis van het plan van aanpak dat wij op 1 juli 2024 hebben ontvangen, kom ik tot de conclusie dat uw "
            + "omgevingsdienst op 1 april 2026 niet (zelfstandig) robuust kan zijn.", tekst, StringComparison.Ordinal);
        Assert.Contains("In het gesprek van 20 november 2024 vernemen wij graag uw reactie", tekst, StringComparison.Ordinal);
        Assert.Contains("Dit gesprek staat reeds met u ingepland op 20 november 2024.", tekst, StringComparison.Ordinal);
        Assert.Contains("In het reeds geplande gesprek op 20 november 2024 vernemen wij graag", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", tekst, StringComparison.Ordinal);

        // The Seveso paragraph: the template's two fixed sentences, then ODG's own remarks, in one paragraph as in the letter.
        Assert.Contains("<p>Uw omgevingsdienst is één van de zes Seveso-omgevingsdiensten. Daarmee is uw omgevingsdienst verantwoordelijk "
            + "voor de belangrijke taak van het uitvoeren van VTH voor bedrijven die in de hoogste risicocategorie vallen. Gezien de uitkomsten "
            + "van de monitoring door TwynstraGudde is er grote zorg over deze taakuitvoering van uw omgevingsdienst. In het gesprek op "
            + "20 november 2024 spreken we graag over dit beeld en welke maatregelen genomen kunnen worden om deze zorg weg te nemen.</p>",
            WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        var punten = Punten().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        foreach (var tekortkoming in Tekortkomingen)
        {
            Assert.Contains(tekortkoming, punten);
        }

        // The paragraph that introduces the shortcomings comes right before them.
        Assert.True(tekst.IndexOf("Hieronder treft u de meest relevante punten aan.", StringComparison.Ordinal)
            < tekst.IndexOf(Tekortkomingen[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task de_bijlage_heeft_de_veertien_rijen_met_codes_en_kleuren_zoals_in_de_brief()
    {
        var html = await TekstAsync(Brief, "text/html", "text/html");
        var tabel = Tabellen().Matches(html).Single().Value;
        Assert.StartsWith("<table class=\"bijlage\">", tabel, StringComparison.Ordinal);
        var koppen = Koppen().Matches(tabel).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(Kolommen, koppen);

        var rijen = Rijen().Matches(tabel).Select(r => Cellen().Matches(r.Groups[1].Value).ToList()).Where(c => c.Count > 0).ToList();
        Assert.Equal(OdgAnnexExpected.Rows.Length, rijen.Count);
        Assert.Equal(14, rijen.Count);
        foreach (var (verwacht, cellen) in OdgAnnexExpected.Rows.Zip(rijen))
        {
            string Cel(int i) => WebUtility.HtmlDecode(cellen[i].Groups["inhoud"].Value.Replace("<br>", "\n", StringComparison.Ordinal)).Trim();

            Assert.Equal(8, cellen.Count);
            Assert.Equal(verwacht.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture), Cel(0));
            Assert.False(string.IsNullOrWhiteSpace(Cel(1)), $"row {verwacht.Nummer} has no criterion title");
            Assert.StartsWith(verwacht.DuidingBegin, Cel(4), StringComparison.Ordinal);
            if (verwacht.MaatregelBegin is null)
            {
                Assert.Equal("", Cel(3));
            }
            else
            {
                // The annex's private-use bullet (U+F0B7, from the PDF) is shown as a real bullet.
                Assert.StartsWith(verwacht.MaatregelBegin.Replace('\uF0B7', '•'), Cel(3), StringComparison.Ordinal);
            }

            Assert.Equal(verwacht.Bronnen, Cel(5).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(verwacht.StaatInPva?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Cel(6));

            var kleur = verwacht.Haalbaarheid switch { 1 => "groen", 2 => "oranje", 3 => "rood", _ => null };
            var klasse = cellen[7].Groups["klasse"].Value;
            if (kleur is null)
            {
                Assert.Equal("", Cel(7));
                Assert.Equal("haalbaar", klasse);
            }
            else
            {
                Assert.Equal($"{verwacht.Haalbaarheid} ({kleur})", Cel(7));
                Assert.Equal($"haalbaar haalbaar-{kleur}", klasse);
            }
        }

        // Row 7 keeps the line breaks of the annex inside its cells.
        Assert.Contains("vaste dienst:<br>", rijen[2][4].Groups["inhoud"].Value, StringComparison.Ordinal);
        // Each colour is styled, and the style keeps the colours when printing.
        Assert.Contains("td.haalbaar-rood {", html, StringComparison.Ordinal);
        Assert.Contains("print-color-adjust: exact", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task de_brief_in_markdown_heeft_dezelfde_tekst_en_de_bijlage_als_pijptabel()
    {
        var markdown = await TekstAsync(Brief, "text/markdown", "text/markdown");

        Assert.StartsWith("# Oordeel plan van aanpak Robuuste Omgevingsdienst\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<!DOCTYPE", markdown, StringComparison.Ordinal);
        Assert.Contains("Geachte heer Schmaal,", markdown, StringComparison.Ordinal);
        Assert.Contains("dat wij op 1 juli 2024 hebben ontvangen", markdown, StringComparison.Ordinal);
        Assert.Contains("## Oordeel: de inschatting is dat uw omgevingsdienst op 1 april 2026 niet robuust is", markdown, StringComparison.Ordinal);
        foreach (var tekortkoming in Tekortkomingen)
        {
            Assert.Contains($"\n- {tekortkoming}\n", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("| " + string.Join(" | ", Kolommen) + " |", markdown, StringComparison.Ordinal);
        var rijen = markdown.Split('\n').Where(r => Regex.IsMatch(r, @"^\| [0-9]+ \|")).ToList();
        Assert.Equal(14, rijen.Count);
        Assert.All(rijen, r => Assert.EndsWith(" |", r, StringComparison.Ordinal));
        Assert.EndsWith("| 1 | 3 (rood) |", rijen.Single(r => r.StartsWith("| 4 |", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("| 0 | 1 (groen) |", rijen.Single(r => r.StartsWith("| 15 |", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("|  | 2 (oranje) |", rijen.Single(r => r.StartsWith("| 9 |", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("| • We maken een innovatie-kalender op", rijen.Single(r => r.StartsWith("| 9 |", StringComparison.Ordinal)), StringComparison.Ordinal);
        // Line breaks inside a cell become <br>, so a row stays one line of the table.
        Assert.Contains("vaste dienst:<br>", rijen.Single(r => r.StartsWith("| 7 |", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "text/html")]
    [InlineData("*/*", "text/html")]
    [InlineData("text/*", "text/html")]
    [InlineData("text/markdown;q=0.9, text/html;q=0.5", "text/markdown")]
    [InlineData("text/html;q=0, */*", "text/markdown")]
    [InlineData("application/json, text/markdown;q=0.1", "text/markdown")]
    public async Task accept_kiest_html_of_markdown(string accept, string verwacht)
    {
        using var response = await HaalBriefAsync(Brief, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(verwacht, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/pdf, text/plain")]
    [InlineData("text/html;q=0")]
    public async Task een_ander_mediatype_geeft_406(string accept)
    {
        using var response = await HaalBriefAsync(Brief, accept);
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotAcceptable);
        Assert.Contains("text/markdown", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task een_concept_heeft_nog_geen_brief()
    {
        var id = await MaakConceptAsync(Register.Odg);
        await ScoorAsync(id, 4);

        using var response = await HaalBriefAsync($"{Base}/beoordelingen/{id}/brief", null, "ienw");
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("nog niet gepubliceerd", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Whoever may not see drafts does not learn that it exists.
        using var ipo = await HaalBriefAsync($"{Base}/beoordelingen/{id}/brief", null, "ipo");
        await ipo.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task odg_leest_zijn_eigen_brief_en_fumo_niet()
    {
        var html = await TekstAsync(Brief, null, "text/html", "od-ODG");
        Assert.Contains("Geachte heer Schmaal,", html, StringComparison.Ordinal);

        using var fumo = await HaalBriefAsync(Brief, null, "od-FUMO");
        await fumo.AssertProblemAsync(HttpStatusCode.NotFound);

        using var anoniem = await Anoniem();
        using var response = await anoniem.GetAsync(Brief, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task zonder_sjabloon_voor_de_ronde_geeft_404()
    {
        var id = await GepubliceerdeBeoordelingAsync(Register.Fumo);

        using var response = await HaalBriefAsync($"{Base}/beoordelingen/{id}/brief", null, "ienw");
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("briefsjabloon", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task een_nieuwe_sjabloonversie_verandert_de_brief_en_de_oude_blijft_op_te_vragen()
    {
        var id = await GepubliceerdeBeoordelingAsync(Register.Fumo);
        var ronde = id[(Register.Fumo.Length + 1)..];
        using var ienw = await Ienw();
        using (var eerste = await ienw.PutAsJsonAsync($"{Base}/briefsjablonen/{ronde}",
                   new { onderwerp = "Oordeel", sjabloon = "Geachte {{ geadresseerde }},\n\nUw oordeel: {{ oordeel }}.\n\n{{ bijlage }}" }, Ct))
        {
            await eerste.AssertJsonAsync(HttpStatusCode.Created);
        }

        var brief = $"{Base}/beoordelingen/{id}/brief";
        var v1 = await TekstAsync(brief, "text/markdown", "text/markdown");
        Assert.Contains("Geachte heer Test,\n\nUw oordeel: nietZelfstandigRobuust.", v1, StringComparison.Ordinal);
        Assert.Contains("briefsjabloon " + ronde + " versie 1", v1, StringComparison.Ordinal);

        using (var tweede = await ienw.PutAsJsonAsync($"{Base}/briefsjablonen/{ronde}",
                   new { onderwerp = "Oordeel (herzien)", sjabloon = "Beste {{ geadresseerde }},\n\n{{ omgevingsdienst.naam }} ({{ omgevingsdienst.code }})." }, Ct))
        {
            Assert.Equal(2, (await tweede.AssertJsonAsync()).GetProperty("huidig").GetProperty("versie").GetInt32());
            Assert.Equal("\"2\"", tweede.Headers.ETag?.Tag);
        }

        var v2 = await TekstAsync(brief, "text/markdown", "text/markdown");
        Assert.StartsWith("# Oordeel (herzien)\n", v2, StringComparison.Ordinal);
        Assert.Contains("Beste heer Test,\n\nFryske Utfieringstsjinst Miljeu en Omjouwing (FUMO).", v2, StringComparison.Ordinal);
        Assert.DoesNotContain("Uw oordeel", v2, StringComparison.Ordinal);

        // The old version stays: as a template, and as the letter rendered with it.
        var oud = await GetJsonAsync($"{Base}/briefsjablonen/{ronde}/versies/1", "od-FUMO");
        Assert.Equal("Oordeel", oud.GetProperty("onderwerp").GetString());
        Assert.Equal(v1, await TekstAsync($"{brief}?sjabloonversie=1", "text/markdown", "text/markdown"));
        using var onbekend = await HaalBriefAsync($"{brief}?sjabloonversie=9", null, "ienw");
        await onbekend.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task tekst_van_gebruikers_wordt_in_html_niet_uitgevoerd()
    {
        var id = await MaakConceptAsync(Register.Fumo);
        var ronde = id[(Register.Fumo.Length + 1)..];
        await ScoorAsync(id, 4, Rij(haalbaarheid: 2, duiding: "<img src=x onerror=alert(1)> | pijp * ster [link](javascript:alert(2))\nregel twee"));
        await LegOordeelVastAsync(id, "nietRobuust", "<script>alert(1)</script>", "[klik](javascript:alert(3))");
        await PubliceerAsync(id);
        using (var ienw = await Ienw())
        using (var sjabloon = await ienw.PutAsJsonAsync($"{Base}/briefsjablonen/{ronde}", new
               {
                   onderwerp = "Oordeel <b>vet</b>",
                   sjabloon = "{% for t in tekortkomingen %}\n- {{ t }}\n{% endfor %}\n\n<div onclick=\"x()\">ruwe html</div>\n\n{{ bijlage }}",
               }, Ct))
        {
            await sjabloon.AssertJsonAsync(HttpStatusCode.Created);
        }

        var html = await TekstAsync($"{Base}/beoordelingen/{id}/brief", "text/html", "text/html");

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"#\">klik</a>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        // In the annex the text stays text: no tag, no table split at the '|', no emphasis, no link; its line break stays.
        Assert.Contains("<td>&lt;img src=x onerror=alert(1)&gt; | pijp * ster [link](javascript:alert(2))<br>regel twee</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"haalbaar haalbaar-oranje\">2 (oranje)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Oordeel &lt;b&gt;vet&lt;/b&gt; - Fryske Utfieringstsjinst Miljeu en Omjouwing</title>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The defect: HTML in the assessment's text was escaped in the HTML letter but passed through verbatim in the Markdown
    /// one, where a downstream renderer would run it. Every value from the data is escaped (&lt; &gt; &amp;) in the
    /// Markdown, whatever filter the template applies; the template's own text stays as written; the HTML shows the
    /// text once escaped, not twice.
    /// </summary>
    [Fact]
    public async Task html_in_de_gegevens_blijft_tekst_in_markdown_en_wordt_in_html_niet_dubbel_ontsnapt()
    {
        const string Script = "<script>alert(1)</script>";
        const string Img = "<img src=x onerror=alert(1)>";
        const string ScriptMd = "&lt;script&gt;alert(1)&lt;/script&gt;";
        const string ImgMd = "&lt;img src=x onerror=alert(1)&gt;";
        var id = await MaakConceptAsync(Register.Fumo);
        var ronde = id[(Register.Fumo.Length + 1)..];
        await ScoorAsync(id, 4, Rij(haalbaarheid: 2, duiding: $"{Script} & {Img}"));
        using (var beoordelaar = await Beoordelaar())
        using (var oordeel = await beoordelaar.PutAsJsonAsync($"{Base}/beoordelingen/{id}/oordeel", new
               {
                   oordeel = "nietRobuust",
                   tekortkomingen = new[] { Script, Img },
                   gesprekOp = "2024-11-20",
                   opmerkingen = $"Opmerking {Img} R&D {Script}",
                   geadresseerde = $"heer {Img}",
               }, Ct))
        {
            await oordeel.AssertJsonAsync();
        }

        await PubliceerAsync(id);
        using (var ienw = await Ienw())
        using (var sjabloon = await ienw.PutAsJsonAsync($"{Base}/briefsjablonen/{ronde}", new
               {
                   onderwerp = "Oordeel",
                   sjabloon = "Geachte {{ geadresseerde }},\n\nVaste tekst: R&D <u>blijft</u>.\n\n{{ opmerkingen }}\n\n"
                       + "{% for t in tekortkomingen %}- {{ t | strip }}\n{% endfor %}\n{{ bijlage }}",
               }, Ct))
        {
            await sjabloon.AssertJsonAsync(HttpStatusCode.Created);
        }

        var markdown = await TekstAsync($"{Base}/beoordelingen/{id}/brief", "text/markdown", "text/markdown");

        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Geachte heer {ImgMd},", markdown, StringComparison.Ordinal);
        Assert.Contains($"\n\nOpmerking {ImgMd} R&amp;D {ScriptMd}\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"\n- {ScriptMd}\n- {ImgMd}\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"| {ScriptMd} &amp; {ImgMd} |", markdown, StringComparison.Ordinal);
        Assert.Contains("Vaste tekst: R&D <u>blijft</u>.", markdown, StringComparison.Ordinal);

        var html = await TekstAsync($"{Base}/beoordelingen/{id}/brief", "text/html", "text/html");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&amp;lt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", html, StringComparison.Ordinal);
        Assert.Contains($"<p>Geachte heer {ImgMd},</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>Opmerking {ImgMd} R&amp;D {ScriptMd}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{ScriptMd}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{ImgMd}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{ScriptMd} &amp; {ImgMd}</td>", html, StringComparison.Ordinal);
        Assert.Contains("Vaste tekst: R&amp;D &lt;u&gt;blijft&lt;/u&gt;.", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaties();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Punten();

    [GeneratedRegex("<table[^>]*>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Tabellen();

    [GeneratedRegex("<th(?: [^>]*)?>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex Koppen();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Rijen();

    [GeneratedRegex("<td(?: class=\"(?<klasse>[^\"]*)\")?>(?<inhoud>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cellen();
}
