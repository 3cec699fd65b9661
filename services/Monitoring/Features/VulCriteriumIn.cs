using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>What the OD reports on one criterion: measures, planning per quarter, risks, its own feasibility (1 green, 2 orange, 3 red).</summary>
public static class VulCriteriumIn
{
    public sealed record PlanningVerzoek(string? Kwartaal, string? Activiteit);

    /// <summary>What an OD reports on a criterion, in a draft or in a correction.</summary>
    public interface ICriteriumInhoud
    {
        string? Maatregelen { get; }

        IReadOnlyList<PlanningVerzoek>? Planning { get; }

        string? Risicos { get; }

        int? Haalbaarheid { get; }
    }

    public sealed record Verzoek(string? Maatregelen, IReadOnlyList<PlanningVerzoek>? Planning, string? Risicos, int? Haalbaarheid) : ICriteriumInhoud;

    /// <summary>The rules of a criterion's content, shared by filling in a draft and by a correction.</summary>
    public class CriteriumInhoudValidator<T> : AbstractValidator<T>
        where T : ICriteriumInhoud
    {
        public CriteriumInhoudValidator()
        {
            RuleFor(v => v.Maatregelen).PlainText(8000);
            RuleFor(v => v.Risicos).PlainText(8000);
            RuleFor(v => v.Haalbaarheid).InclusiveBetween(1, 3)
                .WithMessage("'haalbaarheid' is 1 (groen), 2 (oranje) of 3 (rood), of null.");
            RuleFor(v => v.Planning).Must(p => p is null || p.Count <= 40).WithMessage("Ten hoogste 40 planningsregels.");
            RuleForEach(v => v.Planning).ChildRules(p =>
            {
                p.RuleFor(x => x.Kwartaal).NotEmpty().Matches("^20[0-9]{2}-Q[1-4]$").WithMessage("'kwartaal' is bijv. 2025-Q3.");
                p.RuleFor(x => x.Activiteit).NotEmpty().PlainText(2000);
            });
        }
    }

    public sealed class Validator : CriteriumInhoudValidator<Verzoek>;

    public sealed record Opdracht(string Code, string Ronde, int Nummer, string? Maatregelen, IReadOnlyList<PlanningRegel> Planning,
        string? Risicos, int? Haalbaarheid, string? NamensOd, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(string code, string ronde, int nummer, Verzoek v, string? namensOd, Handeling handeling, ExpectedVersion? verwacht) =>
            new(code, ronde, nummer, v.Maatregelen, [.. (v.Planning ?? []).Select(p => new PlanningRegel(p.Kwartaal!, p.Activiteit!))],
                v.Risicos, v.Haalbaarheid, namensOd, handeling, verwacht);
    }

    public static IEnumerable<object> Beslis(Monitoringdossier? dossier, Rapportageformat? format, Opdracht o)
    {
        var rapportage = VulKerngetallenIn.Wijzigbaar(dossier, o.Code, o.Ronde, o.NamensOd);
        var editie = format?.Versie(rapportage.FormatVersie)
            ?? throw DomainRuleException.Conflict($"Formatversie {rapportage.FormatVersie} van deze rapportage ontbreekt.");
        var nieuw = new CriteriumRapportage(o.Nummer, o.Maatregelen, o.Planning, o.Risicos, o.Haalbaarheid);
        AlleenGevraagd(editie, nieuw, "");
        return rapportage.Criteria.TryGetValue(o.Nummer, out var huidig) && Gelijk(huidig, nieuw)
            ? []
            : [new CriteriumIngevuld(o.Ronde, o.Nummer, o.Maatregelen, o.Planning, o.Risicos, o.Haalbaarheid)];
    }

    /// <summary>The criterion must be in the edition, with only the parts it asks for (400 naming <c>{prefix}veld</c>).</summary>
    public static void AlleenGevraagd(FormatVersie editie, CriteriumRapportage rij, string prefix)
    {
        var criterium = editie.Criteria.FirstOrDefault(c => c.Nummer == rij.Nummer)
            ?? throw DomainRuleException.Invalid(prefix + "nummer", $"Criterium {rij.Nummer} staat niet in formatversie {editie.Versie}.");

        var gevraagd = criterium.Onderdelen.ToHashSet();
        var ongevraagd = new List<(string Veld, bool Gevuld, Onderdeel Onderdeel)>
        {
            ("maatregelen", rij.Maatregelen is not null, Onderdeel.Maatregelen),
            ("planning", rij.Planning.Count > 0, Onderdeel.PlanningPerKwartaal),
            ("risicos", rij.Risicos is not null, Onderdeel.Risicos),
            ("haalbaarheid", rij.Haalbaarheid is not null, Onderdeel.Haalbaarheid),
        }.FirstOrDefault(x => x.Gevuld && !gevraagd.Contains(x.Onderdeel));
        if (ongevraagd.Veld is not null)
        {
            throw DomainRuleException.Invalid(prefix + ongevraagd.Veld,
                $"Formatversie {editie.Versie} vraagt bij criterium {rij.Nummer} niet om '{ongevraagd.Veld}'.");
        }
    }

    public static bool Gelijk(CriteriumRapportage a, CriteriumRapportage b) => a.Maatregelen == b.Maatregelen && a.Risicos == b.Risicos
        && a.Haalbaarheid == b.Haalbaarheid && a.Planning.SequenceEqual(b.Planning);

    public static async Task<Monitoringdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var format = await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct);
        await session.DecideAsync<Monitoringdossier>(o.Code, o.Verwacht, o.Handeling, d => Beslis(d, format, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Monitoringdossier>(o.Code, ct))!;
    }

    public static async Task<Ok<RapportageResource>> Endpoint(string id, int nummer, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var dossier = await Handle(Opdracht.Van(code, ronde, nummer, verzoek, ctx.NamensOd, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(await RapportageResource.LaadAsync(dossier, ronde, ctx));
    }
}
