using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// A submitted report is never changed: a correction is a new version with who, when and why. What the correction
/// leaves out stays as it was: <c>kerngetallen</c>, when given, replace the key figures whole (as the draft's PUT does);
/// each row of <c>criteria</c> replaces that criterion's row; <c>toelichting</c>, when given, replaces it. The report
/// keeps the thresholds frozen at submission and its timeliness (a correction is not a late submission).
/// </summary>
public static class CorrigeerVoortgangsrapportage
{
    public sealed record CriteriumVerzoek(int? Nummer, string? Maatregelen, IReadOnlyList<VulCriteriumIn.PlanningVerzoek>? Planning,
        string? Risicos, int? Haalbaarheid) : VulCriteriumIn.ICriteriumInhoud;

    public sealed record Verzoek(string? Reden, IReadOnlyDictionary<string, decimal?>? Kerngetallen, IReadOnlyList<CriteriumVerzoek>? Criteria,
        string? Toelichting);

    public sealed class RijValidator : VulCriteriumIn.CriteriumInhoudValidator<CriteriumVerzoek>
    {
        public RijValidator() => RuleFor(r => r.Nummer).NotNull().InclusiveBetween(1, 99);
    }

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Reden).NotEmpty().WithMessage("'reden' is verplicht: waarom wordt de rapportage gecorrigeerd?").PlainText(4000);
            RuleFor(v => v.Toelichting).PlainText(4000);
            RuleFor(v => v.Kerngetallen).Custom((waarden, context) => VulKerngetallenIn.ControleerWaarden(waarden, "kerngetallen", context.AddFailure));
            RuleFor(v => v.Criteria).Must(c => c is null || c.Count <= 99).WithMessage("Ten hoogste 99 criteria.");
            RuleForEach(v => v.Criteria).NotNull().SetValidator(new RijValidator());
            RuleFor(v => v).Must(v => v.Kerngetallen is not null || v.Criteria is { Count: > 0 } || v.Toelichting is not null)
                .WithName("correctie").WithMessage("Een correctie wijzigt iets: kerngetallen, criteria of toelichting.");
        }
    }

    public sealed record Opdracht(string Code, string Ronde, string Reden, IReadOnlyDictionary<string, decimal?>? Kerngetallen,
        IReadOnlyList<CriteriumRapportage> Criteria, string? Toelichting, string? NamensOd, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string code, string ronde, Verzoek v, string? namensOd, Handeling handeling, ExpectedVersion? verwacht) =>
            new(code, ronde, v.Reden!.Trim(), v.Kerngetallen,
                [.. (v.Criteria ?? []).Select(c => new CriteriumRapportage(c.Nummer!.Value, c.Maatregelen,
                    [.. (c.Planning ?? []).Select(p => new PlanningRegel(p.Kwartaal!, p.Activiteit!))], c.Risicos, c.Haalbaarheid))],
                v.Toelichting, namensOd, handeling, verwacht);
    }

    public static IEnumerable<object> Beslis(Monitoringdossier? dossier, Rapportageformat? format, Opdracht o)
    {
        Toegang.ControleerNamens(o.NamensOd, o.Code);
        var id = RapportageId.Van(o.Code, o.Ronde);
        var rapportage = dossier?.Rapportage(o.Ronde) ?? throw DomainRuleException.NotFound($"Voortgangsrapportage {id} bestaat niet.");
        if (!rapportage.Ingediend)
        {
            throw DomainRuleException.Conflict($"Voortgangsrapportage {id} is nog een concept: een concept wijzig je direct.");
        }

        var editie = format?.Versie(rapportage.FormatVersie)
            ?? throw DomainRuleException.Conflict($"Formatversie {rapportage.FormatVersie} van deze rapportage ontbreekt.");
        if (o.Kerngetallen is not null)
        {
            VulKerngetallenIn.AlleenKerngetallenVan(editie, o.Kerngetallen, "kerngetallen");
        }

        var dubbel = o.Criteria.GroupBy(c => c.Nummer).FirstOrDefault(g => g.Count() > 1);
        if (dubbel is not null)
        {
            throw DomainRuleException.Invalid("criteria", $"Criterium {dubbel.Key} komt meer dan eens voor.");
        }

        for (var i = 0; i < o.Criteria.Count; i++)
        {
            VulCriteriumIn.AlleenGevraagd(editie, o.Criteria[i], $"criteria[{i}].");
        }

        var huidig = rapportage.Inhoud;
        var kerngetallen = o.Kerngetallen?.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal) ?? huidig.Kerngetallen;
        var criteria = huidig.Criteria.Where(c => o.Criteria.All(n => n.Nummer != c.Nummer)).Concat(o.Criteria).OrderBy(c => c.Nummer).ToList();
        var toelichting = o.Toelichting ?? huidig.Toelichting;
        var ongewijzigd = VulKerngetallenIn.Gelijk(huidig.Kerngetallen, kerngetallen) && toelichting == huidig.Toelichting
            && criteria.Count == huidig.Criteria.Count && criteria.Zip(huidig.Criteria).All(p => p.First.Nummer == p.Second.Nummer && VulCriteriumIn.Gelijk(p.First, p.Second));
        if (ongewijzigd)
        {
            throw DomainRuleException.Conflict($"Deze correctie wijzigt niets aan versie {rapportage.Versies.Count} van {id}.");
        }

        return [new VoortgangsrapportageGecorrigeerd(o.Ronde, rapportage.Versies.Count + 1, o.Reden, kerngetallen, criteria, toelichting,
            o.Handeling.Door, o.Handeling.Op)];
    }

    public static async Task<Monitoringdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var format = await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct);
        await session.DecideAsync<Monitoringdossier>(o.Code, o.Verwacht, o.Handeling, d => Beslis(d, format, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Monitoringdossier>(o.Code, ct))!;
    }

    public static async Task<Created<RapportageResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var dossier = await Handle(Opdracht.Van(code, ronde, verzoek, ctx.NamensOd, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        var versie = dossier.Rapportage(ronde)!.Versies.Count;
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Created($"{ctx.Api.BasePath}/voortgangsrapportages/{id}?versie={versie}",
            await RapportageResource.LaadAsync(dossier, ronde, ctx, versie));
    }
}
