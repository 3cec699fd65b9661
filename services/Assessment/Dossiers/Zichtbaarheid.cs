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
    /// <param name="snapshots">For reads: the dossier from memory while its stream's version has not moved.</param>
    public static async Task<(Beoordelingsdossier Dossier, Beoordeling Beoordeling)> ZichtbareBeoordelingAsync(
        this IDocumentSession session, ClaimsPrincipal user, string id, CancellationToken ct,
        LatestSnapshots<Beoordelingsdossier>? snapshots = null)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var dossier = snapshots is null ? await session.DossierAsync(code, ct) : await snapshots.FetchLatestAsync(session, code, ct);
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
