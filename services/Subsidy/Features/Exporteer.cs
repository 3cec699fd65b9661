using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// CSV exports for ODNL's (and IenW's) administration: requests, grants and payments, of the requests the caller may
/// see (<see cref="ZoekAanvragen"/>, with the same filters). Semicolons, UTF-8 with a BOM and decimal points as in the
/// JSON ("1234.50"): amounts survive every spreadsheet locale as text; text that would run as a formula is escaped.
/// </summary>
public static class Exporteer
{
    public const string Csv = "text/csv";

    public static Task<FileContentHttpResult> Aanvragen([AsParameters] ZoekAanvragen.Parameters p, [AsParameters] SubsidieContext ctx) =>
        ExportAsync(ctx, p, "aanvragen",
            ["aanvraag", "regeling", "regelingVersie", "omgevingsdienst", "status", "aangevraagdBedrag", "verleendBedrag", "betaald", "vastgesteld", "terugvordering", "opgesteldOp", "ingediendOp"],
            a => [[a.AanvraagId, a.Regeling, Tekst(a.RegelingVersie), a.Omgevingsdienst, Naam(a.Status), Geld.Tekst(a.AangevraagdBedrag),
                a.Besluit is null ? "" : Geld.Tekst(a.Verleend), Geld.Tekst(a.Betaald), a.Vaststelling is { } v ? Geld.Tekst(v.Bedrag) : "",
                a.Terugvordering is { } t ? Geld.Tekst(t) : "", Tijd(a.OpgesteldOp), a.IngediendOp is { } i ? Tijd(i) : ""]]);

    public static Task<FileContentHttpResult> Verleningen([AsParameters] ZoekAanvragen.Parameters p, [AsParameters] SubsidieContext ctx) =>
        ExportAsync(ctx, p, "verleningen",
            ["aanvraag", "regeling", "omgevingsdienst", "activiteit", "omschrijving", "criteria", "aangevraagd", "verleend", "besluitOp", "door", "tweedeBeoordelaar"],
            a => a.Besluit is { Uitkomst: Uitkomst.Verleend } b
                ? a.Activiteiten.Select((x, n) => new[]
                {
                    a.AanvraagId, a.Regeling, a.Omgevingsdienst, Tekst(n + 1), x.Omschrijving, string.Join(',', x.Criteria), Geld.Tekst(x.Bedrag),
                    n < b.PerActiviteit.Count ? Geld.Tekst(b.PerActiviteit[n]) : "", Tijd(b.Op), b.Door, b.TweedeBeoordelaar ?? "",
                })
                : []);

    public static Task<FileContentHttpResult> Betalingen([AsParameters] ZoekAanvragen.Parameters p, [AsParameters] SubsidieContext ctx) =>
        ExportAsync(ctx, p, "betalingen",
            ["aanvraag", "regeling", "omgevingsdienst", "soort", "bedrag", "op"],
            a => [.. a.Betalingen.Select(b => new[] { a.AanvraagId, a.Regeling, a.Omgevingsdienst, Naam(b.Soort), Geld.Tekst(b.Bedrag), Tijd(b.Op) }),
                .. a.Terugvordering is { } t ? [new[] { a.AanvraagId, a.Regeling, a.Omgevingsdienst, "terugvordering", Geld.Tekst(-t), a.Vaststelling is { } v ? Tijd(v.Op) : "" }] : Array.Empty<string[]>()]);

    private static async Task<FileContentHttpResult> ExportAsync(SubsidieContext ctx, ZoekAanvragen.Parameters p, string naam, string[] kop,
        Func<Aanvraag, IEnumerable<string[]>> rijen)
    {
        var aanvragen = await ZoekAanvragen.ZoekAsync(ctx.Session, ctx.Gebruiker, p, ctx.Ct);
        using var stream = new MemoryStream();
        var opties = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, opties, leaveOpen: true))
        {
            csv.WriteHeader(kop);
            foreach (var rij in aanvragen.SelectMany(rijen))
            {
                csv.WriteRecord(rij);
            }

            csv.Flush();
        }

        ctx.Http.Response.Headers.ContentDisposition = $"attachment; filename={naam}.csv";
        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8");
    }

    private static string Naam<T>(T waarde)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(waarde.ToString());

    private static string Tekst(int? getal) => getal?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Tijd(DateTimeOffset op) => op.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
