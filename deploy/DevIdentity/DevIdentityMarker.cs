namespace RobuustOD.DevIdentity;

/// <summary>
/// Entry-point anchor for <c>WebApplicationFactory&lt;DevIdentityMarker&gt;</c>: test projects reference several
/// web projects, each with its own top-level <c>Program</c>, so that name alone is ambiguous.
/// </summary>
public sealed class DevIdentityMarker;
