using System.Security.Claims;
using Marten;
using RobuustOD.Domain;
using RobuustOD.EventStore;

namespace RobuustOD.Assessment.Dossiers;

/// <summary>Reading a dossier for a caller: an assessment the caller may not see does not exist for them.</summary>
public static class Zichtbaarheid
{
    public static ValueTask<Beoordelingsdossier?> DossierAsync(this IDocumentSession session, string code, CancellationToken ct) =>
        session.Events.FetchLatest<Beoordelingsdossier>(code, ct);

    /// <summary>The assessment if it exists and the caller may see it; otherwise 404 (a draft's existence is not revealed).</summary>
    public static async Task<(Beoordelingsdossier Dossier, Beoordeling Beoordeling)> ZichtbareBeoordelingAsync(
        this IDocumentSession session, ClaimsPrincipal user, string id, CancellationToken ct)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        return Zichtbaar(await session.DossierAsync(code, ct), code, ronde, user, id);
    }

    /// <summary>As above, the dossier from memory while nothing changed (see LatestSnapshots): for reads.</summary>
    public static async Task<(Beoordelingsdossier Dossier, Beoordeling Beoordeling)> ZichtbareBeoordelingAsync(
        this LatestSnapshots<Beoordelingsdossier> snapshots, ClaimsPrincipal user, string id, CancellationToken ct)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        return Zichtbaar(await snapshots.FetchLatestAsync(code, ct), code, ronde, user, id);
    }

    private static (Beoordelingsdossier Dossier, Beoordeling Beoordeling) Zichtbaar(Beoordelingsdossier? dossier, string code,
        string ronde, ClaimsPrincipal user, string id)
    {
        if (dossier?.In(ronde) is not { } beoordeling || !user.MagZien(code, beoordeling))
        {
            throw DomainRuleException.NotFound($"Beoordeling '{id}' bestaat niet of is (nog) niet zichtbaar voor u.");
        }

        return (dossier, beoordeling);
    }

    /// <summary>A published version of the assessment, or 404.</summary>
    public static BeoordelingVersie Versie(this Beoordeling beoordeling, string id, int versie) =>
        beoordeling.Versies.FirstOrDefault(v => v.Versie == versie)
        ?? throw DomainRuleException.NotFound($"Beoordeling '{id}' heeft geen versie {versie}.");
}
