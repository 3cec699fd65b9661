namespace RobuustOD.Monitoring;

/// <summary>Names this service's assembly for hosts and tests (<c>WebApplicationFactory&lt;MonitoringService&gt;</c>).</summary>
public sealed class MonitoringService;
