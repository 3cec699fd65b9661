using System.Globalization;
using System.Text;
using CsvHelper;
using RobuustOD.HttpDefaults.Representations;

namespace RobuustOD.Monitoring.Kamerrapportages;

/// <summary>
/// The report to parliament as Markdown, as a printable A4 HTML page made from that Markdown, and as CSV (one row per
/// count, for spreadsheets). Values from the data are escaped for Markdown (<see cref="MarkdownTekst"/>) and raw HTML
/// is never rendered, so no OD name or decision text can become markup.
/// </summary>
public static class KamerrapportageOpmaak
{
    public const string ContentSecurityPolicy = AfdrukbarePagina.ContentSecurityPolicy;

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A wider measure than a letter: the report's tables have up to nine columns.</summary>
    private const string Stijl = "body { max-width: 46em; font-size: 10.5pt; line-height: 1.45; } table { font-size: 9pt; }";

    public static string Titel(KamerrapportageInhoud r) =>
        $"Voortgang robuuste omgevingsdiensten, {r.Van.ToString("d MMMM yyyy", Nl)} tot en met {r.Tot.ToString("d MMMM yyyy", Nl)}";

    public static string Markdown(KamerrapportageInhoud r, string status)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(T(Titel(r))).Append("\n\n");
        md.Append('*').Append(T($"Rapportage aan de Tweede Kamer, periode {r.Periode} ({status}); stand per {r.Peildatum.ToString("d MMMM yyyy", Nl)}.")).Append("*\n\n");

        Landelijk(md, "Alle omgevingsdiensten", r.Alle);
        Landelijk(md, "De Seveso-omgevingsdiensten", r.Seveso);

        md.Append("## Rapportages per ronde\n\n| Ronde | ").Append(string.Join(" | ", Kamerrapportage.RapportageStatussen)).Append(" |\n|---|")
            .Append(string.Concat(Kamerrapportage.RapportageStatussen.Select(_ => "---:|"))).Append('\n');
        foreach (var ronde in r.Rapportages)
        {
            md.Append("| ").Append(T(ronde.Ronde)).Append(" | ")
                .Append(string.Join(" | ", Kamerrapportage.RapportageStatussen.Select(s => ronde.PerStatus.FirstOrDefault(a => a.Categorie == s)?.Waarde ?? 0)))
                .Append(" |\n");
        }

        md.Append("\n## Escalatie\n\n").Append(T($"Geopende escalatiestappen in de periode: {r.Escalaties.Geopend}; gehouden of genomen: {r.Escalaties.Gehouden}.")).Append("\n\n");
        foreach (var soort in r.Escalaties.GeopendPerSoort)
        {
            md.Append("- ").Append(T($"{soort.Categorie}: {soort.Waarde} ({string.Join(", ", soort.Omgevingsdiensten)})")).Append('\n');
        }

        md.Append("\n## Besluiten over maatregelen\n\n");
        Lijst(md, r.Besluiten.Select(b => $"{b.GenomenOp.ToString("d MMMM yyyy", Nl)}: {b.Omschrijving} ({string.Join(", ", b.Omgevingsdiensten)})"));
        md.Append("\n## Fusies en opsplitsingen\n\n");
        Lijst(md, r.Registerwijzigingen.Select(w =>
            $"{w.Ingangsdatum.ToString("d MMMM yyyy", Nl)}: {w.Soort} van {string.Join(", ", w.Omgevingsdiensten)} tot {string.Join(", ", w.Opvolgers)}"));
        return md.ToString();
    }

    public static string Html(string markdown, string titel) => AfdrukbarePagina.Html(markdown, titel, Stijl);

    /// <summary>
    /// One row per count: <c>onderdeel;groep;categorie;aantal;omgevingsdiensten</c> (groep <c>alle</c> or <c>seveso</c>).
    /// Semicolons and a BOM, as Dutch spreadsheet programs expect; formula-like text is escaped.
    /// </summary>
    public static byte[] Csv(KamerrapportageInhoud r)
    {
        using var stream = new MemoryStream();
        var opties = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, opties, leaveOpen: true))
        {
            csv.WriteHeader(["onderdeel", "groep", "categorie", "aantal", "omgevingsdiensten"]);
            void Rij(string onderdeel, string groep, Aantal a) =>
                csv.WriteRecord([onderdeel, groep, a.Categorie, a.Waarde.ToString(CultureInfo.InvariantCulture), string.Join(' ', a.Omgevingsdiensten)]);
            void Getal(string onderdeel, string groep, string categorie, int waarde) =>
                csv.WriteRecord([onderdeel, groep, categorie, waarde.ToString(CultureInfo.InvariantCulture), ""]);

            foreach (var (groep, landelijk) in new[] { ("alle", r.Alle), ("seveso", r.Seveso) })
            {
                Getal("omgevingsdiensten", groep, "aantal", landelijk.AantalOmgevingsdiensten);
                landelijk.PerUitkomst.ToList().ForEach(a => Rij("uitkomst", groep, a));
                landelijk.Robuust.ToList().ForEach(a => Rij("robuust op 1 april 2026", groep, a));
                foreach (var c in landelijk.PerCriterium)
                {
                    foreach (var (moment, k) in new[] { ("nu", c.Nu), ("basislijn 2024", c.Basislijn) })
                    {
                        Getal($"criterium {c.Nummer} {moment}", groep, "groen", k.Groen);
                        Getal($"criterium {c.Nummer} {moment}", groep, "oranje", k.Oranje);
                        Getal($"criterium {c.Nummer} {moment}", groep, "rood", k.Rood);
                        Getal($"criterium {c.Nummer} {moment}", groep, "onbekend", k.Onbekend);
                    }
                }
            }

            foreach (var ronde in r.Rapportages)
            {
                ronde.PerStatus.ToList().ForEach(a => Rij($"rapportages {ronde.Ronde}", "alle", a));
            }

            Getal("escalaties", "alle", "geopend", r.Escalaties.Geopend);
            Getal("escalaties", "alle", "gehouden", r.Escalaties.Gehouden);
            r.Escalaties.GeopendPerSoort.ToList().ForEach(a => Rij("escalaties geopend per soort", "alle", a));
            Getal("besluiten", "alle", "aantal", r.Besluiten.Count);
            Getal("fusies en opsplitsingen", "alle", "aantal", r.Registerwijzigingen.Count);
            csv.Flush();
        }

        return stream.ToArray();
    }

    private static void Landelijk(StringBuilder md, string kop, Landelijk l)
    {
        md.Append("## ").Append(T(kop)).Append("\n\n").Append(T($"Aantal omgevingsdiensten: {l.AantalOmgevingsdiensten}.")).Append("\n\n");
        md.Append("| Uitkomst van de laatste beoordeling | Aantal | Omgevingsdiensten |\n|---|---:|---|\n");
        foreach (var a in l.PerUitkomst)
        {
            md.Append("| ").Append(T(a.Categorie)).Append(" | ").Append(a.Waarde).Append(" | ").Append(T(string.Join(", ", a.Omgevingsdiensten))).Append(" |\n");
        }

        md.Append("\n| Robuust op 1 april 2026 | Aantal | Omgevingsdiensten |\n|---|---:|---|\n");
        foreach (var a in l.Robuust)
        {
            md.Append("| ").Append(T(a.Categorie)).Append(" | ").Append(a.Waarde).Append(" | ").Append(T(string.Join(", ", a.Omgevingsdiensten))).Append(" |\n");
        }

        md.Append("\n| Criterium | Groen nu | Oranje nu | Rood nu | Onbekend nu | Groen 2024 | Oranje 2024 | Rood 2024 | Onbekend 2024 |\n")
            .Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var c in l.PerCriterium)
        {
            md.Append("| ").Append(c.Nummer).Append(c.Titel is null ? "" : " " + T(c.Titel)).Append(" | ")
                .Append($"{c.Nu.Groen} | {c.Nu.Oranje} | {c.Nu.Rood} | {c.Nu.Onbekend} | ")
                .Append($"{c.Basislijn.Groen} | {c.Basislijn.Oranje} | {c.Basislijn.Rood} | {c.Basislijn.Onbekend} |\n");
        }

        md.Append('\n');
    }

    private static void Lijst(StringBuilder md, IEnumerable<string> regels)
    {
        var lijst = regels.ToList();
        if (lijst.Count == 0)
        {
            md.Append("Geen in deze periode.\n");
        }

        lijst.ForEach(r => md.Append("- ").Append(T(r)).Append('\n'));
    }

    /// <summary>Text from the data: HTML-significant characters as entities, and the table's cell separator escaped.</summary>
    private static string T(string tekst) => MarkdownTekst.Encoder.Encode(tekst).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
