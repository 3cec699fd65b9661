namespace RobuustOD.Subsidy;

/// <summary>Names this service's assembly for hosts and tests (<c>WebApplicationFactory&lt;SubsidyService&gt;</c>).</summary>
public sealed class SubsidyService;
