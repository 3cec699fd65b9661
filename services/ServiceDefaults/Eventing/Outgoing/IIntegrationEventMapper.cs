using JasperFx.Events;

namespace RobuustOD.ServiceDefaults.Eventing.Outgoing;

/// <summary>A service's translation of its stored (domain) events into contract events; null: not published.</summary>
public interface IIntegrationEventMapper
{
    object? Map(IEvent stored);
}
