using Marten;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Nulmetingen;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Kamerrapportages;

/// <summary>
/// Gathers what the report is made of from this service's own data as it stands on the reference date: its copy of
/// the register (which ODs exist, Seveso, mergers and splits), its copy of the criteria catalogue, the rounds, the
/// ODs' monitoring dossiers and their baseline (the published assessment, <see cref="Nulmeting"/>), the judgements,
/// escalation steps and final results (<see cref="Bijsturingsdossier"/>), the outcome categories and the decisions. A few dozen ODs and rounds: read whole, then filtered here.
/// </summary>
public static class KamerrapportageBronnenLader
{
    public static async Task<KamerrapportageBronnen> LaadAsync(IDocumentSession session, DateOnly peildatum, CancellationToken ct)
    {
        var register = await session.Query<OmgevingsdienstUitRegister>().ToListAsync(ct);
        var catalogus = await session.CatalogusAsync(ct);
        var rondes = (await session.Query<Rapportageronde>().ToListAsync(ct))
            .OrderBy(r => r.Soort).ThenBy(r => r.PeriodeVan ?? DateOnly.MaxValue).ThenBy(r => r.Ronde, StringComparer.Ordinal).ToList();
        var dossiers = (await session.Query<Monitoringdossier>().ToListAsync(ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var gegevens = new Rapportagegegevens(await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct), rondes, catalogus, null);
        // The baseline: per OD its published assessment of the latest round it has (e.g. 2024).
        var nulmetingen = (await session.Query<Nulmeting>().ToListAsync(ct))
            .GroupBy(n => n.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(n => n.Ronde, StringComparer.Ordinal)!, StringComparer.Ordinal);

        var bijsturing = (await session.Query<Bijsturingsdossier>().ToListAsync(ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var categorieen = await session.LoadAsync<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, ct);
        var besluiten = await session.Query<Besluit>().ToListAsync(ct);

        var bestaand = register.Where(o => !(o.OpgerichtOp > peildatum) && !o.IsOpgehevenOp(peildatum)).ToList();
        var ods = bestaand.Select(o =>
        {
            var ingediend = Ingediend(dossiers.GetValueOrDefault(o.Id), peildatum);
            var laatste = ingediend.Values.MaxBy(r => r.IngediendOp);
            // A report's colour per criterion as the report shows it: the evaluation of a measurable criterion, else the
            // OD's own expectation (Trend.KleurVan).
            var nu = laatste is null
                ? []
                : catalogus.Keys.ToDictionary(n => n, n => Trend.KleurVan(laatste.Inhoud, n, gegevens.Evaluatie(laatste, laatste.Inhoud)).Kleur);
            var basislijn = nulmetingen.GetValueOrDefault(o.Id)?.Criteria.ToDictionary(c => c.Key, c => c.Value.Haalbaarheid) ?? [];
            var dossier = bijsturing.GetValueOrDefault(o.Id);
            // The outcome of IenW's most recent judgement by the reference date; the final result once recorded by then.
            var uitkomst = dossier?.Oordelen.Values
                .Where(j => j.Vastgesteld is not null && j.VastgesteldOp is { } op && Kalender.Datum(op) <= peildatum)
                .MaxBy(j => j.VastgesteldOp)?.Vastgesteld!.Uitkomst;
            var robuust = dossier is { Eindresultaat: { } eind, EindresultaatOp: { } eindOp } && Kalender.Datum(eindOp) <= peildatum ? Naam(eind) : null;
            return new OdInBeeld(o.Id, o.Naam, o.IsSevesoOp(peildatum), o.Provincies, uitkomst, robuust, basislijn, nu);
        }).ToList();

        var rapportages = rondes.SelectMany(ronde => bestaand.Select(o =>
        {
            var rapportage = Ingediend(dossiers.GetValueOrDefault(o.Id), peildatum).GetValueOrDefault(ronde.Ronde);
            var tijdigheid = Tijdigheid.Bepaal(ronde.IndienenUiterlijk, rapportage?.IngediendOp is { } op ? Kalender.Datum(op) : null, peildatum);
            return new RapportageInBeeld(o.Id, ronde.Ronde, Status(tijdigheid.Status));
        })).ToList();

        return new KamerrapportageBronnen(
            ods,
            [.. catalogus.Values.Select(c => (c.Nummer, (string?)c.Titel))],
            [.. categorieen?.Huidig?.Categorieen.Select(c => c.Code) ?? []],
            [.. rondes.Select(r => r.Ronde)],
            rapportages,
            Registerwijzigingen(register),
            [.. bijsturing.Values.SelectMany(d => d.Escalaties.Values.Select(e =>
                new EscalatieInBeeld(d.Id, Naam(e.Stap), Kalender.Datum(e.GeopendOp), e.AfgerondOp)))],
            [.. besluiten.Select(b => new BesluitInBeeld(b.Inhoud, b.Datum, b.Omgevingsdiensten))]);
    }

    private static string Naam<T>(T waarde)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(waarde.ToString());

    /// <summary>The OD's reports submitted by the end of the reference date, per round.</summary>
    private static Dictionary<string, Voortgangsrapportage> Ingediend(Monitoringdossier? dossier, DateOnly peildatum) =>
        dossier?.Rapportages.Values
            .Where(r => r.Ingediend && r.IngediendOp is { } op && Kalender.Datum(op) <= peildatum)
            .ToDictionary(r => r.Ronde, StringComparer.Ordinal) ?? [];

    private static string Status(TijdigheidStatus status) => status switch
    {
        TijdigheidStatus.Tijdig => "tijdig",
        TijdigheidStatus.TeLaat => "teLaat",
        TijdigheidStatus.TermijnVerstreken => "verzuimd",
        TijdigheidStatus.NogNietVerlopen => "nogNietVerlopen",
        _ => "geenTermijn",
    };

    /// <summary>
    /// The mergers and splits the register completed: ODs dissolved into one successor on the same date are one merger;
    /// an OD dissolved into several successors is a split.
    /// </summary>
    private static List<RegisterwijzigingInBeeld> Registerwijzigingen(IReadOnlyList<OmgevingsdienstUitRegister> register) =>
    [
        .. register.Where(o => o.OpgehevenOp is not null && o.Opvolgers.Count > 1)
            .Select(o => new RegisterwijzigingInBeeld("opsplitsing", [o.Id], [.. o.Opvolgers.Order(StringComparer.Ordinal)], o.OpgehevenOp!.Value)),
        .. register.Where(o => o.OpgehevenOp is not null && o.Opvolgers.Count == 1)
            .GroupBy(o => (Opvolger: o.Opvolgers[0], Datum: o.OpgehevenOp!.Value))
            .Select(g => new RegisterwijzigingInBeeld("fusie", [.. g.Select(o => o.Id).Order(StringComparer.Ordinal)], [g.Key.Opvolger], g.Key.Datum)),
    ];
}
