namespace RobuustOD.EventBackbone;

public enum EventingMode
{
    /// <summary>Publish and subscribe through the Dapr sidecar (production, and any machine with the Dapr CLI).</summary>
    Dapr,

    /// <summary>No sidecar: the forwarder posts the same CloudEvents to the subscribers' Dapr endpoints itself. One machine only.</summary>
    Standalone,
}

/// <summary>Configuration section <c>Eventing</c>.</summary>
public sealed class EventingOptions
{
    public EventingMode Mode { get; set; } = EventingMode.Dapr;

    /// <summary>The OIN of the organisation running this system (CloudEvent <c>source</c>, NL GOV profile).</summary>
    public string Oin { get; set; } = "00000000000000000000";

    public string PubSubName { get; set; } = Contracts.Eventing.PubSub.Name;

    /// <summary>Standalone mode: base URLs of the subscribing services (their <c>/dapr/subscribe</c> is read from there).</summary>
    public IReadOnlyList<Uri> Subscribers { get; set; } = [];

    /// <summary>
    /// The token Dapr sends as <c>dapr-api-token</c> (its <c>APP_API_TOKEN</c>). When set, the event endpoints
    /// require it; when not set, they accept calls from the loopback interface only.
    /// </summary>
    public string? AppApiToken { get; set; }

    /// <summary>Upper bound of the retry backoff of a failing delivery.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
