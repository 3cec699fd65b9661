using RobuustOD.Domain;
using Marten;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Registry.Features;

/// <summary>
/// A merger lives on its deelnemers' streams; it is addressed by its opvolger's code
/// (the new OD), which is unique among announced mergers.
/// </summary>
public static class Fusies
{
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
}
