using JasperFx.Events.Projections;
using Marten;

namespace RobuustOD.Monitoring.Bijsturing;

public static class BijsturingStore
{
    /// <summary>
    /// The inline snapshots of judgement and escalation: a second snapshot of each OD's stream, and the national streams
    /// (outcome categories, rules, conversations, decisions), each updated in the commit of its events.
    /// </summary>
    public static StoreOptions AddBijsturing(this StoreOptions options)
    {
        options.Projections.Snapshot<Bijsturingsdossier>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Uitkomstcategorieen>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Escalatieregels>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Gesprek>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Besluit>(SnapshotLifecycle.Inline);
        return options;
    }
}
