namespace RobuustOD.Contracts.Eventing;

/// <summary>
/// The CloudEvent <c>source</c> under the NL GOV profile: a URN in the <c>nld</c> namespace naming the
/// organisation (by its OIN) and then the system; never a pointer to data.
/// </summary>
public static class CloudEventSource
{
    public static string For(string oin, string system) => $"urn:nld:oin:{oin}:systeem:{system}";
}
