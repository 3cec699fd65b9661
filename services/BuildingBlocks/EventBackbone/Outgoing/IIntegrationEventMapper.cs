using JasperFx.Events;

namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>A service's translation of its stored (domain) events into contract events; null: not published.</summary>
public interface IIntegrationEventMapper
{
    object? Map(IEvent stored);
}
