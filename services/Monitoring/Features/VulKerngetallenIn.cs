using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>The report's key figures as a whole, by code; null (or left out) is "not known", never 0.</summary>
public static class VulKerngetallenIn
{
    public sealed record Verzoek(IReadOnlyDictionary<string, decimal?>? Waarden);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Waarden).NotNull();
            RuleFor(v => v.Waarden).Custom((waarden, context) => ControleerWaarden(waarden, "waarden", context.AddFailure));
        }
    }

    /// <summary>Codes in lowerCamelCase, no negative values; each failure names <c>{veld}.{code}</c>.</summary>
    public static void ControleerWaarden(IReadOnlyDictionary<string, decimal?>? waarden, string veld, Action<string, string> fout)
    {
        foreach (var (code, waarde) in waarden ?? new Dictionary<string, decimal?>())
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, StelRapportageformatVast.KerngetalPattern))
            {
                fout(veld, "Een kerngetal heeft een code in lowerCamelCase (bijv. totaalFte).");
            }
            else if (waarde < 0)
            {
                fout($"{veld}.{code}", $"'{code}' mag niet negatief zijn.");
            }
        }
    }

    /// <summary>Every code must be a key figure of the edition (400 naming each unknown one as <c>{veld}.{code}</c>).</summary>
    public static void AlleenKerngetallenVan(FormatVersie editie, IReadOnlyDictionary<string, decimal?> waarden, string veld)
    {
        var bekend = editie.Kerngetallen.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        var onbekend = waarden.Keys.Where(k => !bekend.Contains(k)).ToList();
        if (onbekend.Count > 0)
        {
            throw new DomainRuleException("Ongeldige invoer", $"Onbekend(e) kerngetal(len) in formatversie {editie.Versie}: {string.Join(", ", onbekend)}.",
                DomainRuleException.InvalidStatus,
                onbekend.ToDictionary(k => $"{veld}.{k}", k => new[] { $"'{k}' is geen kerngetal van formatversie {editie.Versie}." }));
        }
    }

    public static bool Gelijk(IReadOnlyDictionary<string, decimal?> a, IReadOnlyDictionary<string, decimal?> b) =>
        a.Count == b.Count && a.All(k => b.TryGetValue(k.Key, out var w) && w == k.Value);

    public sealed record Opdracht(string Code, string Ronde, IReadOnlyDictionary<string, decimal?> Waarden, string? NamensOd,
        Handeling Handeling, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Monitoringdossier? dossier, Rapportageformat? format, Opdracht o)
    {
        var rapportage = Wijzigbaar(dossier, o.Code, o.Ronde, o.NamensOd);
        var editie = format?.Versie(rapportage.FormatVersie)
            ?? throw DomainRuleException.Conflict($"Formatversie {rapportage.FormatVersie} van deze rapportage ontbreekt.");
        AlleenKerngetallenVan(editie, o.Waarden, "waarden");
        var waarden = o.Waarden.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        return Gelijk(rapportage.Kerngetallen, waarden) ? [] : [new KerngetallenIngevuld(o.Ronde, waarden)];
    }

    /// <summary>The draft this caller may change: 403 for another OD, 404 when there is none, 409 once submitted.</summary>
    public static Voortgangsrapportage Wijzigbaar(Monitoringdossier? dossier, string code, string ronde, string? namensOd)
    {
        Toegang.ControleerNamens(namensOd, code);
        var rapportage = dossier?.Rapportage(ronde)
            ?? throw DomainRuleException.NotFound($"Voortgangsrapportage {RapportageId.Van(code, ronde)} bestaat niet.");
        return rapportage.Ingediend
            ? throw DomainRuleException.Conflict($"Voortgangsrapportage {RapportageId.Van(code, ronde)} is ingediend en kan niet meer wijzigen.")
            : rapportage;
    }

    public static async Task<Monitoringdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var format = await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct);
        await session.DecideAsync<Monitoringdossier>(o.Code, o.Verwacht, o.Handeling, d => Beslis(d, format, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Monitoringdossier>(o.Code, ct))!;
    }

    public static async Task<Ok<RapportageResource>> Endpoint(string id, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var (code, ronde) = RapportageId.Lees(id);
        var dossier = await Handle(new Opdracht(code, ronde, verzoek.Waarden!, ctx.NamensOd, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(await RapportageResource.LaadAsync(dossier, ronde, ctx));
    }
}
