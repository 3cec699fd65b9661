using JasperFx.Events;
using RobuustOD.Contracts.Monitoring;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.Monitoring.Kamerrapportages;

namespace RobuustOD.Monitoring;

/// <summary>
/// What this service tells the others (topic <c>monitoring</c>). Each stored event that others may see maps to its
/// integration event (a versioned record in contracts/Contracts); everything else (drafts) stays inside.
/// </summary>
public sealed class MonitoringEventMapper : IIntegrationEventMapper
{
    public object? Map(IEvent stored) => stored.Data switch
    {
        KamerrapportageVastgesteld e => new KamerrapportageVastgesteldV1(e.Periode, e.Versie, e.Inhoud.Peildatum, e.Op),
        _ => null,
    };
}
