using Marten;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>
/// A merger lives on its deelnemers' streams; it is addressed by its opvolger's code
/// (the new OD), which is unique among announced mergers.
/// </summary>
public static class Fusies
{
    /// <summary>The deelnemers of the latest merger to <paramref name="opvolger"/>; 404 when there is none.</summary>
    public static async Task<IReadOnlyList<Omgevingsdienst>> DeelnemersAsync(IQuerySession session, string opvolger, CancellationToken ct)
    {
        var deelnemers = await session.Query<Omgevingsdienst>().Where(o => o.Fusie!.Opvolger == opvolger).ToListAsync(ct);
        // After a cancelled merger a new one to the same opvolger may follow: the latest announcement counts.
        var laatste = deelnemers.Select(d => d.Fusie!).OrderByDescending(f => f.Status == FusieStatus.Aangekondigd)
            .ThenByDescending(f => f.AangekondigdOp).FirstOrDefault()
            ?? throw DomainRuleException.NotFound($"Er is geen fusie naar '{opvolger}' bekend.");
        return [.. deelnemers.Where(d => d.Fusie!.IsZelfde(laatste))];
    }

    public static AangekondigdeFusie Fusie(this IReadOnlyList<Omgevingsdienst> deelnemers) => deelnemers[0].Fusie!;

    /// <summary>
    /// The rules before a deelnemer completes or cancels <paramref name="fusie"/> (the merger as the register lists
    /// it): a completed or cancelled merger cannot be either again, and the deelnemer's own stream must still be in
    /// that merger (it may have changed between the listing and the fetch for writing).
    /// </summary>
    public static void ControleerLopend(Omgevingsdienst deelnemer, AangekondigdeFusie fusie)
    {
        if (fusie.Status != FusieStatus.Aangekondigd)
        {
            throw DomainRuleException.Conflict($"De fusie naar '{fusie.Opvolger}' is al {fusie.Status.ToString().ToLowerInvariant()}.");
        }

        if (deelnemer.Fusie is not { Status: FusieStatus.Aangekondigd } eigen || !eigen.IsZelfde(fusie))
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{deelnemer.Id}' is intussen van deze fusie afgeweken.");
        }
    }
}
