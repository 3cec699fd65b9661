using JasperFx.Events;
using RobuustOD.EventBackbone.Outgoing;

namespace RobuustOD.Monitoring;

/// <summary>
/// What this service tells the others (topic <c>monitoring</c>). Each stored event that others may see maps to its
/// integration event (a versioned record in contracts/Contracts); everything else (drafts) stays inside.
/// </summary>
public sealed class MonitoringEventMapper : IIntegrationEventMapper
{
    public object? Map(IEvent stored) => stored.Data switch
    {
        _ => null,
    };
}
