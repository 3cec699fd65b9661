using System.Text.Json;
using Marten;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Nulmetingen;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// An OD's monitoring dossier in one read: the OD as the register announced it, its baseline (the published
/// assessment), every round's status, the judgements and the final result, the open escalation steps, the
/// conversations and decisions that name it, and one timeline from the assessment to today. Escalation,
/// conversations and decisions are not public: for ODNL, IPO and VNG they are left out (null); another OD gets 403.
/// </summary>
public static class HaalMonitoringdossierOp
{
    public sealed record Basislijn(string Ronde, int Versie, string? Oordeel, IReadOnlyList<BasislijnKleur> Criteria);

    public sealed record BasislijnKleur(int Nummer, int? Haalbaarheid);

    /// <summary><c>Status</c>: nietVerschuldigd (no due date yet), verschuldigd, verzuimd, tijdigIngediend, teLaatIngediend, beoordeeld.</summary>
    public sealed record RondeStand(string Ronde, string Naam, DateOnly? IndienenUiterlijk, string Status, DateTimeOffset? IngediendOp, int? DagenTeLaat);

    public sealed record OordeelStand(string Ronde, string Voortgang, string Uitkomst, string Toelichting, string? RobuustOp1April2026,
        DateTimeOffset? VastgesteldOp);

    public sealed record EscalatieStand(string Id, string Ronde, string Stap, string Status, DateTimeOffset GeopendOp, DateOnly? GeplandOp);

    public sealed record GesprekStand(string Id, string Soort, DateOnly Datum, string? Uitkomst);

    public sealed record BesluitStand(string Id, string Inhoud, DateOnly Datum);

    public sealed record Gebeurtenis(DateTimeOffset Op, string Soort, string Omschrijving);

    public sealed record Monitoringdossierresource(OmgevingsdienstView.Omgevingsdienst Omgevingsdienst, Basislijn? Basislijn,
        IReadOnlyList<RondeStand> Rondes, IReadOnlyList<OordeelStand> Oordelen, string? Eindresultaat,
        IReadOnlyList<EscalatieStand>? OpenEscalaties, IReadOnlyList<GesprekStand>? Gesprekken, IReadOnlyList<BesluitStand>? Besluiten,
        IReadOnlyList<Gebeurtenis> Tijdlijn);

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<Monitoringdossierresource>> Endpoint(string code, [AsParameters] MonitoringContext ctx)
    {
        // A code that cannot be one is refused before it reaches a lookup (as for the judgement: 400 on 'code').
        OdCode.Controleer(code, "code");
        if (ctx.Lezer.Od is { } eigen && eigen != code)
        {
            throw DomainRuleException.Forbidden($"Dit token leest alleen het monitoringdossier van {eigen}.");
        }

        var register = await ctx.Session.LoadAsync<OmgevingsdienstUitRegister>(code, ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Omgevingsdienst '{code}' is hier (nog) niet bekend.");
        var rondes = Rapportagegegevens.Volgorde(await ctx.Session.Query<Rapportageronde>().ToListAsync(ctx.Ct));
        var dossier = await ctx.Session.Events.FetchLatest<Monitoringdossier>(code, ctx.Ct);
        var bijsturing = await ctx.Session.Events.FetchLatest<Bijsturingsdossier>(code, ctx.Ct);
        var nulmeting = await NulmetingVolgen.VanAsync(ctx.Session, code, ctx.Ct);
        var vertrouwelijk = ctx.Lezer.IsIenwOfBeoordelaar || ctx.Lezer.Od == code;
        var gesprekken = vertrouwelijk ? await ctx.Session.Query<Gesprek>().Where(g => g.Omgevingsdiensten.Contains(code)).ToListAsync(ctx.Ct) : null;
        var besluiten = vertrouwelijk ? await ctx.Session.Query<Besluit>().Where(b => b.Omgevingsdiensten.Contains(code)).ToListAsync(ctx.Ct) : null;

        var oordelen = (bijsturing?.Oordelen.Values.ToList() ?? [])
            .Where(o => o.Vastgesteld is not null)
            .Select(o => new OordeelStand(o.Ronde, Naam(o.Vastgesteld!.Voortgang), o.Vastgesteld.Uitkomst, o.Vastgesteld.Toelichting,
                o.Vastgesteld.RobuustOp1April2026 is { } r ? Naam(r) : null, o.VastgesteldOp))
            .OrderBy(o => rondes.ToList().FindIndex(r => r.Ronde == o.Ronde)).ToList();
        var stand = rondes.Select(r => Stand(r, dossier?.Rapportage(r.Ronde), oordelen.Any(o => o.Ronde == r.Ronde), ctx.Vandaag)).ToList();
        var escalaties = bijsturing?.Escalaties.Values.ToList() ?? [];

        var tijdlijn = new List<Gebeurtenis>();
        if (nulmeting?.BijgewerktOp is { } gepubliceerd)
        {
            tijdlijn.Add(new(gepubliceerd, "beoordeling", $"Beoordeling {nulmeting.Ronde} (versie {nulmeting.Versie}): {nulmeting.Oordeel ?? "geen oordeel"}"));
        }

        tijdlijn.AddRange(stand.Where(s => s.IngediendOp is not null).Select(s => new Gebeurtenis(s.IngediendOp!.Value, "rapportageIngediend",
            s.DagenTeLaat is > 0 ? $"Rapportage {s.Ronde} ingediend, {s.DagenTeLaat} dag(en) te laat" : $"Rapportage {s.Ronde} ingediend")));
        tijdlijn.AddRange((dossier?.Verzuimen ?? []).Select(v => new Gebeurtenis(v.Value.VastgesteldOp, "verzuim", $"Rapportage {v.Key} niet ingediend op {v.Value.IndienenUiterlijk:yyyy-MM-dd}")));
        tijdlijn.AddRange(oordelen.Where(o => o.VastgesteldOp is not null).Select(o => new Gebeurtenis(o.VastgesteldOp!.Value, "oordeel", $"Voortgang {o.Ronde}: {o.Voortgang}, {o.Uitkomst}")));
        if (vertrouwelijk)
        {
            tijdlijn.AddRange(escalaties.Select(e => new Gebeurtenis(e.GeopendOp, "escalatieGeopend", $"{Naam(e.Stap)} geopend na {e.Ronde}")));
            tijdlijn.AddRange(escalaties.Where(e => e.AfgerondOp is not null).Select(e => new Gebeurtenis(Moment(e.AfgerondOp!.Value), "escalatieAfgerond", $"{Naam(e.Stap)} afgerond")));
            tijdlijn.AddRange(gesprekken!.Select(g => new Gebeurtenis(Moment(g.Datum), "gesprek", $"{Naam(g.Soort)} gesprek")));
            tijdlijn.AddRange(besluiten!.Select(b => new Gebeurtenis(Moment(b.Datum), "besluit", b.Inhoud)));
        }

        if (bijsturing is { Eindresultaat: { } eind, EindresultaatOp: { } eindOp })
        {
            tijdlijn.Add(new(eindOp, "eindresultaat", $"Robuust op 1 april 2026: {Naam(eind)}"));
        }

        var vandaag = ctx.Vandaag;
        var seveso = register.IsSevesoOp(vandaag);
        var od = new OmgevingsdienstView.Omgevingsdienst(register.Id, register.Naam, register.Provincies,
            register.IsOpgehevenOp(vandaag) ? "opgeheven" : register.OpgerichtOp > vandaag ? "toekomstig" : "actief",
            register.OpgerichtOp, register.OpgehevenOp, register.Voorgangers, register.Opvolgers, seveso, seveso ? register.SevesoProvincies : [],
            register.ZelftoetsRobuust, register.BijgewerktOp);
        return TypedResults.Ok(new Monitoringdossierresource(od,
            nulmeting is null ? null : new Basislijn(nulmeting.Ronde, nulmeting.Versie, nulmeting.Oordeel,
                [.. nulmeting.Criteria.OrderBy(c => c.Key).Select(c => new BasislijnKleur(c.Key, c.Value.Haalbaarheid))]),
            stand, oordelen, bijsturing?.Eindresultaat is { } e2 ? Naam(e2) : null,
            vertrouwelijk ? [.. escalaties.Where(e => e.Status != EscalatieStatus.Afgerond).OrderBy(e => e.GeopendOp)
                .Select(e => new EscalatieStand(e.Id, e.Ronde, Naam(e.Stap), Naam(e.Status), e.GeopendOp, e.GeplandOp))] : null,
            gesprekken?.OrderBy(g => g.Datum).Select(g => new GesprekStand(g.Id, Naam(g.Soort), g.Datum, g.Uitkomst)).ToList(),
            besluiten?.OrderBy(b => b.Datum).Select(b => new BesluitStand(b.Id, b.Inhoud, b.Datum)).ToList(),
            [.. tijdlijn.OrderBy(g => g.Op)]));
    }

    private static RondeStand Stand(Rapportageronde ronde, Voortgangsrapportage? rapportage, bool beoordeeld, DateOnly vandaag)
    {
        var ingediend = rapportage is { Ingediend: true } ? rapportage.IngediendOp : null;
        var tijdigheid = Tijdigheid.Bepaal(ronde.IndienenUiterlijk, ingediend is { } op ? Kalender.Datum(op) : null, vandaag);
        var status = beoordeeld ? "beoordeeld" : tijdigheid.Status switch
        {
            TijdigheidStatus.Tijdig => "tijdigIngediend",
            TijdigheidStatus.TeLaat => "teLaatIngediend",
            TijdigheidStatus.TermijnVerstreken => "verzuimd",
            TijdigheidStatus.NogNietVerlopen => "verschuldigd",
            _ => ingediend is null ? "nietVerschuldigd" : "ingediend",
        };
        return new RondeStand(ronde.Ronde, ronde.Naam, ronde.IndienenUiterlijk, status, ingediend,
            tijdigheid.Status == TijdigheidStatus.TeLaat ? tijdigheid.DagenTeLaat : null);
    }

    /// <summary>A date on the timeline: the start of that day in the Netherlands.</summary>
    private static DateTimeOffset Moment(DateOnly datum) => Kalender.Begin(datum);

    private static string Naam<T>(T waarde)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(waarde.ToString());
}
