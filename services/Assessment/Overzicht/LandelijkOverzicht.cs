using System.Text.Json;
using CsvHelper;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Overzicht;

/// <summary>
/// The national matrix of a round: every OD with a published assessment (its current version) against every criterion
/// of the catalogue, with the traffic lights and the counts per colour; as CSV for spreadsheets. Only published
/// assessments count, and a caller sees the rows it may see (an OD: its own). The endpoint is
/// <see cref="Features.HaalLandelijkOverzichtOp"/>.
/// </summary>
public static class LandelijkOverzicht
{
    public const string Json = "application/json";
    public const string Csv = "text/csv";

    public sealed record Criterium(int Nummer, string? Titel);

    public sealed record Aantallen(int Groen, int Oranje, int Rood, int Geen)
    {
        public static Aantallen Van(IEnumerable<int?> haalbaarheden)
        {
            var lijst = haalbaarheden.ToList();
            return new Aantallen(lijst.Count(h => h == 1), lijst.Count(h => h == 2), lijst.Count(h => h == 3), lijst.Count(h => h is not (1 or 2 or 3)));
        }
    }

    public sealed record Cel(int Nummer, int? Haalbaarheid, string? Kleur, int? StaatInPva);

    public sealed record Rij(string Omgevingsdienst, string Naam, bool Seveso, Oordeel? Oordeel, int Versie, IReadOnlyList<Cel> Criteria,
        Aantallen Aantallen);

    public sealed record CriteriumAantallen(int Nummer, int Groen, int Oranje, int Rood, int Geen);

    public sealed record Matrix(string Ronde, bool? Seveso, IReadOnlyList<Criterium> Criteria, IReadOnlyList<Rij> Omgevingsdiensten,
        IReadOnlyList<CriteriumAantallen> AantallenPerCriterium);

    /// <summary>
    /// The most recent round with a published assessment, whoever may see it (the default round is a national fact, the
    /// same for every caller): the highest year, and within a year the round of the latest first publication (a
    /// re-assessment such as <c>2025-herbeoordeling</c> follows <c>2025</c>); null while nothing is published.
    /// A revision does not make an older round recent again.
    /// </summary>
    public static string? MeestRecenteRonde(IEnumerable<Beoordelingsdossier> dossiers) =>
        dossiers
            .SelectMany(d => d.Beoordelingen.Values)
            .Where(b => b.Versies.Count > 0)
            .GroupBy(b => b.Ronde, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key[..4], StringComparer.Ordinal)
            .ThenByDescending(g => g.Max(b => b.Versies[0].Op))
            .ThenByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>The matrix of <paramref name="ronde"/>: pure, from what the endpoint loaded.</summary>
    /// <param name="gepubliceerd">The current versions of the round the caller may see, per OD code.</param>
    /// <param name="vandaag">Today in Amsterdam: the Seveso flag is the register's of today.</param>
    public static Matrix Bouw(string ronde, bool? seveso, IReadOnlyList<(string Code, BeoordelingVersie Versie)> gepubliceerd,
        IReadOnlyDictionary<string, OmgevingsdienstUitRegister> register, IReadOnlyDictionary<int, CriteriumVersie> catalogus, DateOnly vandaag)
    {
        var nummers = catalogus.Keys
            .Union(gepubliceerd.SelectMany(x => x.Versie.Inhoud.Criteria.Select(c => c.Nummer)))
            .Order()
            .ToList();

        var rijen = gepubliceerd
            .Select(x =>
            {
                var od = register.GetValueOrDefault(x.Code);
                var scores = x.Versie.Inhoud.Criteria.ToDictionary(c => c.Nummer);
                var cellen = nummers.Select(n => scores.GetValueOrDefault(n) is { } s
                    ? new Cel(n, s.Haalbaarheid, Betekenis.Kleur(s.Haalbaarheid), s.StaatInPva)
                    : new Cel(n, null, null, null)).ToList();
                return new Rij(x.Code, od?.Naam ?? x.Code, od?.IsSevesoOp(vandaag) ?? false, x.Versie.Inhoud.Oordeel, x.Versie.Versie, cellen,
                    Aantallen.Van(cellen.Select(c => c.Haalbaarheid)));
            })
            .Where(r => seveso is null || r.Seveso == seveso)
            .OrderBy(r => r.Omgevingsdienst, StringComparer.Ordinal)
            .ToList();

        var perCriterium = nummers.Select((n, i) =>
        {
            var a = Aantallen.Van(rijen.Select(r => r.Criteria[i].Haalbaarheid));
            return new CriteriumAantallen(n, a.Groen, a.Oranje, a.Rood, a.Geen);
        }).ToList();

        return new Matrix(ronde, seveso, [.. nummers.Select(n => new Criterium(n, catalogus.GetValueOrDefault(n)?.Titel))], rijen, perCriterium);
    }

    /// <summary>
    /// One row per OD (<c>omgevingsdienst;naam;seveso;oordeel;c1;c4;...</c> with the traffic-light numbers, empty when
    /// not scored), then the rows <c>aantal groen</c>, <c>aantal oranje</c> and <c>aantal rood</c>. Semicolons and a BOM,
    /// as Dutch spreadsheet programs expect; text that a spreadsheet would run as a formula is escaped.
    /// </summary>
    public static byte[] AlsCsv(Matrix matrix)
    {
        using var stream = new MemoryStream();
        var opties = CsvWriterOptions.Default with
        {
            Separator = ';',
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
        };
        using (var csv = CsvWriter.Create(stream, opties, leaveOpen: true))
        {
            var nummers = matrix.Criteria.Select(c => c.Nummer).ToList();
            csv.WriteHeader([.. new[] { "omgevingsdienst", "naam", "seveso", "oordeel" }, .. nummers.Select(n => $"c{n}")]);
            foreach (var rij in matrix.Omgevingsdiensten)
            {
                csv.WriteRecord([
                    rij.Omgevingsdienst, rij.Naam, rij.Seveso ? "ja" : "nee",
                    rij.Oordeel is { } o ? JsonNamingPolicy.CamelCase.ConvertName(o.ToString()) : "",
                    .. rij.Criteria.Select(c => c.Haalbaarheid?.ToString(Liquid.Nederlands) ?? ""),
                ]);
            }

            foreach (var (label, aantal) in new (string, Func<CriteriumAantallen, int>)[]
                     {
                         ("aantal groen", a => a.Groen), ("aantal oranje", a => a.Oranje), ("aantal rood", a => a.Rood),
                     })
            {
                csv.WriteRecord([label, "", "", "", .. matrix.AantallenPerCriterium.Select(a => aantal(a).ToString(Liquid.Nederlands))]);
            }

            csv.Flush();
        }

        return stream.ToArray();
    }
}
