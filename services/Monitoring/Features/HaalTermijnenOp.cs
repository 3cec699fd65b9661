using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.Monitoring.Termijnen;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// Deadlines at a glance: per round every OD that has to report (active in the register on the due date, or today
/// while there is none) with its status against the due date as it is now — <c>tijdig</c>, <c>teLaat</c> (days),
/// <c>termijnVerstreken</c> (overdue), <c>nogNietVerlopen</c>, <c>geenTermijn</c> — filterable by Seveso and province on
/// that date. An OD's token sees only its own line.
/// </summary>
public static class HaalTermijnenOp
{
    public sealed record Parameters([FromQuery(Name = "seveso")] bool? Seveso, [FromQuery(Name = "provincie")] string? Provincie);

    public sealed class Validator : AbstractValidator<Parameters>
    {
        public Validator() => RuleFor(p => p.Provincie).PlainText(100);
    }

    public sealed record TermijnRegel(string Omgevingsdienst, string Naam, IReadOnlyList<string> Provincies, bool Seveso, TijdigheidStatus Status,
        DateTimeOffset? IngediendOp, int? DagenTeLaat, DateTimeOffset? VerzuimVastgesteldOp);

    public sealed record Aantallen(int Tijdig, int TeLaat, int TermijnVerstreken, int NogNietVerlopen, int GeenTermijn);

    public sealed record TermijnenResource(string Ronde, DateOnly? IndienenUiterlijk, DateOnly Peildatum, Aantallen Aantallen,
        IReadOnlyList<TermijnRegel> Omgevingsdiensten);

    public static TermijnenResource Bepaal(Rapportageronde ronde, IEnumerable<OmgevingsdienstUitRegister> ods,
        IReadOnlyDictionary<string, Monitoringdossier> dossiers, Parameters p, string? alleenOd, DateOnly vandaag)
    {
        var peildatum = ronde.IndienenUiterlijk ?? vandaag;
        var regels = ods
            .Where(od => Verzuimcontrole.Verwacht(od, peildatum))
            .Where(od => alleenOd is null || od.Id == alleenOd)
            .Where(od => p.Seveso is null || od.IsSevesoOp(peildatum) == p.Seveso)
            .Where(od => p.Provincie is null || od.Provincies.Contains(p.Provincie.Trim(), StringComparer.OrdinalIgnoreCase))
            .OrderBy(od => od.Id, StringComparer.Ordinal)
            .Select(od =>
            {
                var dossier = dossiers.GetValueOrDefault(od.Id);
                var rapportage = dossier?.Rapportage(ronde.Ronde);
                var ingediendOp = rapportage is { Ingediend: true } ? rapportage.IngediendOp : null;
                var tijdigheid = Tijdigheid.Bepaal(ronde.IndienenUiterlijk, ingediendOp is { } op ? Kalender.Datum(op) : null, vandaag);
                var verzuim = dossier?.VerzuimVan(ronde.Ronde) is { IsOpen: true } v ? v.VastgesteldOp.ToUniversalTime() : (DateTimeOffset?)null;
                return new TermijnRegel(od.Id, od.Naam, od.Provincies, od.IsSevesoOp(peildatum), tijdigheid.Status, ingediendOp?.ToUniversalTime(),
                    tijdigheid.DagenTeLaat, verzuim);
            })
            .ToList();
        int Tel(TijdigheidStatus s) => regels.Count(r => r.Status == s);
        return new(ronde.Ronde, ronde.IndienenUiterlijk, peildatum,
            new Aantallen(Tel(TijdigheidStatus.Tijdig), Tel(TijdigheidStatus.TeLaat), Tel(TijdigheidStatus.TermijnVerstreken),
                Tel(TijdigheidStatus.NogNietVerlopen), Tel(TijdigheidStatus.GeenTermijn)),
            regels);
    }

    public static async Task<Ok<TermijnenResource>> Endpoint(string id, [AsParameters] Parameters p, [AsParameters] MonitoringContext ctx)
    {
        var ronde = await ctx.Session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(HaalRapportagerondeOp.Controleer(id)), ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Rapportageronde '{id}' bestaat niet.");
        var ods = await ctx.Session.Query<OmgevingsdienstUitRegister>().ToListAsync(ctx.Ct);
        var dossiers = (await ctx.Session.Query<Monitoringdossier>().ToListAsync(ctx.Ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        return TypedResults.Ok(Bepaal(ronde, ods, dossiers, p, ctx.NamensOd, ctx.Vandaag));
    }
}
