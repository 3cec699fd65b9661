namespace RobuustOD.Gateway;

/// <summary>Entry-point anchor for <c>WebApplicationFactory&lt;GatewayMarker&gt;</c> (several projects have a top-level Program).</summary>
public sealed class GatewayMarker;
