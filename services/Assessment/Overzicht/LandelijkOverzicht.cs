using RobuustOD.Domain;
using System.Text.Json;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Assessment.Overzicht;

/// <summary>
/// The national matrix of a round: every OD with a published assessment (its current version) against every criterion
/// of the catalogue, with the traffic lights and the counts per colour. JSON, or CSV for spreadsheets. Only published
/// assessments count, and a caller sees the rows it may see (an OD: its own).
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

    public static async Task<IResult> HaalOp([FromQuery] string? ronde, [FromQuery] bool? seveso, [AsParameters] BeoordelingContext ctx)
    {
        if (!BeoordelingId.IsGeldigeRonde(ronde))
        {
            throw DomainRuleException.Invalid("ronde", "'ronde' is verplicht: een jaartal, eventueel met een achtervoegsel: 2024, 2025-herbeoordeling.");
        }

        if (Inhoudsonderhandeling.Kies(ctx.Http.Request, Json, Csv) is not { } vorm)
        {
            return Inhoudsonderhandeling.NietAanvaardbaar(ctx.Http.Request, Json, Csv);
        }

        var matrix = await BouwAsync(ctx, ronde!, seveso);
        ctx.Http.Response.Headers.Vary = "Accept";
        if (vorm == Json)
        {
            return TypedResults.Ok(matrix);
        }

        ctx.Http.Response.Headers.ContentDisposition = $"attachment; filename=landelijk-overzicht-{ronde}.csv";
        return TypedResults.Bytes(AlsCsv(matrix), "text/csv; charset=utf-8");
    }

    public static async Task<Matrix> BouwAsync(BeoordelingContext ctx, string ronde, bool? seveso)
    {
        var dossiers = await ctx.Session.Query<Beoordelingsdossier>().ToListAsync(ctx.Ct);
        var gepubliceerd = dossiers
            .Select(d => (Code: d.Id, Beoordeling: d.In(ronde)))
            .Where(x => x.Beoordeling?.Huidige is not null && ctx.User.MagZien(x.Code, x.Beoordeling))
            .Select(x => (x.Code, Versie: x.Beoordeling!.Huidige!))
            .ToList();

        var register = gepubliceerd.Count == 0
            ? new Dictionary<string, OmgevingsdienstUitRegister>()
            : (await ctx.Session.LoadManyAsync<OmgevingsdienstUitRegister>(ctx.Ct, gepubliceerd.Select(x => x.Code).ToArray()))
                .ToDictionary(o => o.Id, StringComparer.Ordinal);
        var vandaag = DateOnly.FromDateTime(ctx.Clock.GetUtcNow().UtcDateTime);

        var catalogus = await ctx.Session.HuidigeAsync(ctx.Ct);
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
