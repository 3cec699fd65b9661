namespace RobuustOD.Registry;

/// <summary>Names this service's assembly for hosts and tests (<c>WebApplicationFactory&lt;RegistryService&gt;</c>).</summary>
public sealed class RegistryService;
