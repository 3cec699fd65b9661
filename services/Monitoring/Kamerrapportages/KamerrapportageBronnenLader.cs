using Marten;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Kamerrapportages;

/// <summary>
/// Gathers what the report is made of from this service's own data as it stands on the reference date: its copy of
/// the register (which ODs exist, Seveso, mergers and splits), its copy of the criteria catalogue, the rounds and the
/// ODs' monitoring dossiers. A few dozen ODs and rounds: read whole, then filtered here.
/// </summary>
public static class KamerrapportageBronnenLader
{
    public static async Task<KamerrapportageBronnen> LaadAsync(IQuerySession session, DateOnly peildatum, CancellationToken ct)
    {
        var register = await session.Query<OmgevingsdienstUitRegister>().ToListAsync(ct);
        var catalogus = await session.CatalogusAsync(ct);
        var rondes = (await session.Query<Rapportageronde>().ToListAsync(ct))
            .OrderBy(r => r.Soort).ThenBy(r => r.PeriodeVan ?? DateOnly.MaxValue).ThenBy(r => r.Ronde, StringComparer.Ordinal).ToList();
        var dossiers = (await session.Query<Monitoringdossier>().ToListAsync(ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);

        var bestaand = register.Where(o => !(o.OpgerichtOp > peildatum) && !o.IsOpgehevenOp(peildatum)).ToList();
        var ods = bestaand.Select(o =>
        {
            var ingediend = Ingediend(dossiers.GetValueOrDefault(o.Id), peildatum);
            var laatste = ingediend.Values.MaxBy(r => r.IngediendOp);
            var nu = laatste?.Criteria.Values.ToDictionary(c => c.Nummer, c => c.Haalbaarheid) ?? [];
            return new OdInBeeld(o.Id, o.Naam, o.IsSevesoOp(peildatum), o.Provincies, Uitkomst: null, Robuust: null,
                Basislijn: new Dictionary<int, int?>(), Nu: nu);
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
            Uitkomstcategorieen: [],
            [.. rondes.Select(r => r.Ronde)],
            rapportages,
            Registerwijzigingen(register),
            Escalaties: [],
            Besluiten: []);
    }

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
