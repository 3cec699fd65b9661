using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// Judges a submitted report. The assessor (<c>beoordelaar</c>) drafts the judgement; IenW sets it, and only then do
/// the escalation rules apply: each matching rule opens its step in the same commit, once per OD, round and step.
/// </summary>
public static class BeoordeelVoortgang
{
    public const string CodePattern = "^[a-z][A-Za-z0-9]{1,39}\\z";

    public sealed record Verzoek(Voortgang? Voortgang, string? Uitkomst, string? Toelichting, Eindresultaat? RobuustOp1April2026);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Voortgang).NotNull();
            RuleFor(v => v.Uitkomst).NotEmpty().Matches(CodePattern)
                .WithMessage("'uitkomst' moet de code van een uitkomstcategorie zijn (bijv. onzeker).");
            RuleFor(v => v.Toelichting).NotEmpty().PlainText(4000);
        }
    }

    /// <param name="Vaststellen">True when IenW judges (the judgement counts), false for the assessor's draft.</param>
    public sealed record Opdracht(string Code, string Ronde, OordeelInhoud Inhoud, bool Vaststellen, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string code, string ronde, Verzoek v, bool vaststellen, Handeling handeling, ExpectedVersion? verwacht) =>
            new(code, ronde, new OordeelInhoud(v.Voortgang!.Value, v.Uitkomst!, v.Toelichting!, v.RobuustOp1April2026), vaststellen, handeling, verwacht);
    }

    public static IEnumerable<object> Beslis(Bijsturingsdossier? dossier, Rapportageronde? ronde, UitkomstcategorieenVersie? categorieen,
        EscalatieregelsVersie? regels, Opdracht o)
    {
        if (dossier is null || !dossier.Rapportages.TryGetValue(o.Ronde, out var ingediend) || ronde is null)
        {
            throw DomainRuleException.NotFound($"Voortgangsrapportage {RapportageId.Van(o.Code, o.Ronde)} bestaat niet.");
        }

        if (!ingediend)
        {
            throw DomainRuleException.Conflict($"De rapportage {RapportageId.Van(o.Code, o.Ronde)} is een concept: alleen een ingediende rapportage wordt beoordeeld.");
        }

        if (categorieen?.Categorieen.Any(c => c.Code == o.Inhoud.Uitkomst) != true)
        {
            throw DomainRuleException.Invalid("uitkomst", $"Uitkomstcategorie '{o.Inhoud.Uitkomst}' bestaat niet.");
        }

        var eind = ronde.Soort == RondeSoort.Eindrapportage;
        if (eind && o.Inhoud.RobuustOp1April2026 is null)
        {
            throw DomainRuleException.Invalid("robuustOp1April2026", "Het oordeel over de eindrapportage legt vast of de OD op 1 april 2026 robuust was (ja, nee, nietZelfstandig).");
        }

        if (!eind && o.Inhoud.RobuustOp1April2026 is not null)
        {
            throw DomainRuleException.Invalid("robuustOp1April2026", "Alleen het oordeel over de eindrapportage legt het eindresultaat vast.");
        }

        var oordeel = dossier.Oordelen.GetValueOrDefault(o.Ronde);
        if (!o.Vaststellen)
        {
            return oordeel?.Concept == o.Inhoud ? [] : [new OordeelOntworpen(o.Ronde, o.Inhoud, o.Handeling.Door, o.Handeling.Op)];
        }

        if (oordeel?.Vastgesteld == o.Inhoud && oordeel.Concept is null)
        {
            return [];
        }

        var regelsVersie = regels?.Versie ?? 0;
        var events = new List<object> { new VoortgangBeoordeeld(o.Ronde, o.Inhoud, regelsVersie, categorieen.Versie, o.Handeling.Door, o.Handeling.Op) };
        if (eind && dossier.Eindresultaat != o.Inhoud.RobuustOp1April2026)
        {
            events.Add(new EindresultaatVastgelegd(o.Ronde, o.Inhoud.RobuustOp1April2026!.Value, o.Handeling.Op));
        }

        var geopend = new HashSet<string>(dossier.Escalaties.Keys, StringComparer.Ordinal);
        foreach (var regel in regels?.Regels.Where(r => r.Geldt(o.Ronde, o.Inhoud)) ?? [])
        {
            var id = EscalatieId.Van(o.Code, o.Ronde, regel.Stap);
            if (geopend.Add(id))
            {
                events.Add(new EscalatieGeopend(id, o.Ronde, regel.Stap, regel.Code, regelsVersie, o.Handeling.Op));
            }
        }

        return events;
    }

    public static async Task<Bijsturingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var ronde = await session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(o.Ronde), ct);
        var categorieen = await session.Events.FetchLatest<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, ct);
        var regels = await session.Events.FetchLatest<Escalatieregels>(Escalatieregels.StreamKey, ct);
        await session.DecideAsync<Bijsturingsdossier>(o.Code, o.Verwacht, o.Handeling,
            d => Beslis(d, ronde, categorieen?.Huidig, regels?.Huidig, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Bijsturingsdossier>(o.Code, ct))!;
    }

    public static async Task<Ok<OordeelResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var o = Opdracht.Van(code, ronde, verzoek, ctx.Http.User.IsInRole(Roles.Ienw), ctx.Handeling, ctx.Verwacht);
        var dossier = await Handle(o, ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(await OordeelResource.LaadAsync(dossier, ronde, ctx));
    }
}
