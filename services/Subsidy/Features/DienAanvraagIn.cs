using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// Submitting freezes the request under the scheme's current version, after the eligibility checks. A request that
/// is not eligible is refused with 409 (it is well-formed, but the register, the scheme or the catalogue say no),
/// naming every reason at once in <c>errors</c>; nothing is appended.
/// </summary>
public static class DienAanvraagIn
{
    public const string NietSubsidiabel = "Aanvraag voldoet niet aan de regeling";

    public sealed record Opdracht(string Id, Gebruiker Gebruiker, Handeling Handeling, ExpectedVersion? Verwacht);

    /// <summary>What the eligibility checks read: the register's OD, the scheme, the catalogue and the budget (for the per-OD maximum).</summary>
    public sealed record Gegevens(Regeling Regeling, OmgevingsdienstUitRegister? Omgevingsdienst,
        IReadOnlyDictionary<int, CriteriumUitCatalogus> Catalogus, Budget? Budget);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Gegevens g, Opdracht o)
    {
        var aanvraag = o.Gebruiker.AlsAanvrager(bestaand, o.Id);
        if (aanvraag.Status != AanvraagStatus.Concept)
        {
            throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' is al ingediend.");
        }

        var versie = g.Regeling.Huidige;
        var fouten = Subsidiabiliteit(aanvraag, versie.Regels, g, o.Handeling.Datum);
        if (fouten.Count > 0)
        {
            throw new DomainRuleException(NietSubsidiabel, string.Join(" ", fouten.Values.SelectMany(f => f)),
                DomainRuleException.ConflictStatus, fouten);
        }

        return [new AanvraagIngediend(aanvraag.Regeling, aanvraag.Omgevingsdienst, versie.Versie, versie.Regels, aanvraag.AangevraagdBedrag, o.Handeling.Op)];
    }

    /// <summary>Every reason the request is not eligible on <paramref name="datum"/>, by field; empty when it is.</summary>
    public static Dictionary<string, string[]> Subsidiabiliteit(Aanvraag a, Regels regels, Gegevens g, DateOnly datum)
    {
        var fouten = new Dictionary<string, List<string>>();
        void Fout(string veld, string tekst)
        {
            if (!fouten.TryGetValue(veld, out var lijst))
            {
                fouten[veld] = lijst = [];
            }

            lijst.Add(tekst);
        }

        var od = g.Omgevingsdienst;
        if (od is null || od.IsOpgehevenOp(datum) || od.OpgerichtOp > datum)
        {
            Fout("omgevingsdienst", od?.OpgehevenOp is { } op && op <= datum
                ? $"Omgevingsdienst {a.Omgevingsdienst} is volgens het register opgeheven op {op:yyyy-MM-dd} en kan niet meer aanvragen."
                : $"Omgevingsdienst {a.Omgevingsdienst} is op {datum:yyyy-MM-dd} niet actief in het register.");
        }
        else if (regels.FusieOfOpsplitsingVereist && !NeemtDeelAanFusieOfOpsplitsing(od))
        {
            Fout("omgevingsdienst", $"Regeling '{a.Regeling}' is voor omgevingsdiensten die fuseren of opsplitsen; het register kent voor {a.Omgevingsdienst} geen aangekondigde of voltooide fusie of opsplitsing.");
        }

        if (!regels.IsOpenOp(datum))
        {
            Fout("regeling", $"Regeling '{a.Regeling}' is gesloten: aanvragen kan {Venster(regels)}, niet op {datum:yyyy-MM-dd}.");
        }

        for (var i = 0; i < a.Activiteiten.Count; i++)
        {
            var activiteit = a.Activiteiten[i];
            foreach (var nummer in activiteit.Criteria.Where(n => !g.Catalogus.ContainsKey(n)))
            {
                Fout($"activiteiten[{i}].criteria", $"Criterium {nummer} staat niet in de catalogus van robuustheidscriteria.");
            }

            if (activiteit.PeriodeTot > regels.ActiviteitenUiterlijk)
            {
                Fout($"activiteiten[{i}].periode.tot",
                    $"De activiteit eindigt op {activiteit.PeriodeTot:yyyy-MM-dd}, na de einddatum van de regeling voor activiteiten ({regels.ActiviteitenUiterlijk:yyyy-MM-dd}).");
            }

            for (var j = 0; j < activiteit.Kostenregels.Count; j++)
            {
                var categorie = activiteit.Kostenregels[j].Categorie;
                if (regels.Kostencategorieen.Count > 0 && !regels.Kostencategorieen.Contains(categorie, StringComparer.OrdinalIgnoreCase))
                {
                    Fout($"activiteiten[{i}].kostenregels[{j}].categorie",
                        $"Kostencategorie '{categorie}' is niet subsidiabel; subsidiabel zijn: {string.Join(", ", regels.Kostencategorieen)}.");
                }
            }
        }

        var verleend = g.Budget?.VerplichtVoor(a.Omgevingsdienst) ?? 0;
        if (regels.MaximumPerOd is { } maximum && verleend + a.AangevraagdBedrag > maximum)
        {
            Fout("aangevraagdBedrag",
                $"Het maximum per omgevingsdienst is {Geld.Tekst(maximum)}; aan {a.Omgevingsdienst} is al {Geld.Tekst(verleend)} verleend, dus kan nog {Geld.Tekst(Math.Max(0, maximum - verleend))} worden aangevraagd.");
        }

        return fouten.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    /// <summary>
    /// The OD takes part in a merger or split: announced (a merger announced with it as participant, or a split or
    /// merger dated in the future, which gives it successors already) or completed (it was formed from predecessors).
    /// </summary>
    public static bool NeemtDeelAanFusieOfOpsplitsing(OmgevingsdienstUitRegister od) =>
        od.AangekondigdeFusie is not null || od.Opvolgers.Count > 0 || od.Voorgangers.Count > 0;

    private static string Venster(Regels r) => (r.OpenVan, r.OpenTot) switch
    {
        ({ } van, { } tot) => $"van {van:yyyy-MM-dd} tot en met {tot:yyyy-MM-dd}",
        ({ } van, null) => $"vanaf {van:yyyy-MM-dd}",
        (null, { } tot) => $"tot en met {tot:yyyy-MM-dd}",
        _ => "altijd",
    };

    public static async Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var key = Aanvraag.StreamKey(o.Id);
        var concept = await session.Events.FetchLatest<Aanvraag>(key, ct);
        var regeling = concept is null ? null : await session.Events.FetchLatest<Regeling>(Regeling.StreamKey(concept.Regeling), ct);
        Gegevens? gegevens = regeling is null ? null : new Gegevens(regeling,
            await session.LoadAsync<OmgevingsdienstUitRegister>(concept!.Omgevingsdienst, ct),
            await session.CatalogusAsync(ct),
            await session.Events.FetchLatest<Budget>(Budget.StreamKey(regeling.Code), ct));
        await session.DecideAsync<Aanvraag>(key, o.Verwacht, o.Handeling,
            a => Beslis(a, gegevens ?? throw Gebruiker.NietGevonden(o.Id), o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Aanvraag>(key, ct))!;
    }

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, [AsParameters] SubsidieContext ctx)
    {
        var aanvraag = await Handle(new Opdracht(AanvraagId.Controleer(id), ctx.Gebruiker, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }
}

public static class AanvraagId
{
    /// <summary>An id that cannot exist is not found, before it reaches a stream key.</summary>
    public static string Controleer(string id) => Regex.IsMatch(id, Aanvraag.IdPattern)
        ? id
        : throw DomainRuleException.NotFound($"Aanvraag '{id}' bestaat niet.");
}
