using RobuustOD.HttpDefaults.Representations;
using System.Text;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// The annex of the letter as a Markdown pipe table, one row per scored criterion. Cell text is escaped (a '|' or
/// '*' in the text stays text; &lt;, &gt; and &amp; become entities, <see cref="MarkdownTekst"/>), its line breaks become
/// <c>&lt;br&gt;</c>, the one tag the HTML rendering admits, and the private-use bullet of PDF extractions becomes •.
/// </summary>
public static class Bijlage
{
    public static readonly string[] Kolommen =
    [
        "Vraag", "Criterium", "Specifieke vragen IenW aan de OD", "Maatregel in plan", "Duiding TG", "Bron", "Staat in PvA",
        "Haalbaar voor 1-4-2026?",
    ];

    public const string HaalbaarKolom = "Haalbaar voor 1-4-2026?";

    public const string StaatKolom = "Staat in PvA";

    /// <summary>The bullet of the Symbol font as PDF extraction leaves it (private use, a box in other fonts); shown as •.</summary>
    public const char PdfOpsommingsteken = '\uF0B7';

    // CommonMark lets a backslash escape any ASCII punctuation; these are the ones that could change inline meaning.
    // '<', '>' and '&' become entities instead: not every Markdown renderer knows the backslash escape for them.
    private const string TeEscapen = "\\`*_[]|~!";

    /// <param name="criteria">Every version of every criterion: a row shows the title of the version it was scored against.</param>
    public static string Markdown(IReadOnlyList<CriteriumScore> rijen, IReadOnlyCollection<CriteriumVersie> criteria)
    {
        var titels = criteria.ToDictionary(c => (c.Nummer, c.Versie), c => c.Titel);
        var huidige = criteria.GroupBy(c => c.Nummer).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Versie)!.Titel);
        var md = new StringBuilder();
        md.Append("| ").AppendJoin(" | ", Kolommen).Append(" |\n");
        md.Append('|').AppendJoin("", Kolommen.Select(_ => " --- |")).Append('\n');
        foreach (var rij in rijen.OrderBy(r => r.Nummer))
        {
            var titel = titels.GetValueOrDefault((rij.Nummer, rij.CriteriumVersie)) ?? huidige.GetValueOrDefault(rij.Nummer);
            string[] cellen =
            [
                rij.Nummer.ToString(Liquid.Nederlands),
                Cel(titel),
                Cel(rij.SpecifiekeVraag),
                Cel(rij.Maatregel),
                Cel(rij.Duiding),
                string.Join("<br>", rij.Bronnen.Select(Cel)),
                rij.StaatInPva?.ToString(Liquid.Nederlands) ?? "",
                Haalbaarheid(rij.Haalbaarheid),
            ];
            md.Append("| ").AppendJoin(" | ", cellen).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>The traffic light as number and word, so that it survives printing in black and white: "3 (rood)".</summary>
    public static string Haalbaarheid(int? code) => Betekenis.Kleur(code) is { } kleur ? $"{code} ({kleur})" : "";

    public static string Cel(string? tekst)
    {
        if (string.IsNullOrEmpty(tekst))
        {
            return "";
        }

        var cel = new StringBuilder(tekst.Length + 16);
        foreach (var teken in tekst.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (teken)
            {
                case '\n':
                    cel.Append("<br>");
                    break;
                case '\r' or '\t':
                    cel.Append(' ');
                    break;
                case PdfOpsommingsteken:
                    cel.Append('•');
                    break;
                case '<':
                    cel.Append("&lt;");
                    break;
                case '>':
                    cel.Append("&gt;");
                    break;
                case '&':
                    cel.Append("&amp;");
                    break;
                case var t when TeEscapen.Contains(t, StringComparison.Ordinal):
                    cel.Append('\\').Append(t);
                    break;
                default:
                    cel.Append(teken);
                    break;
            }
        }

        return cel.ToString().Trim();
    }
}
