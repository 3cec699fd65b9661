using System.Diagnostics.CodeAnalysis;

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
    /// The app API token: the secret Dapr sends as <c>dapr-api-token</c> on every call to the app (its
    /// <c>APP_API_TOKEN</c>; read from there when this is not set). The event endpoints always require it, and the
    /// standalone forwarder sends it to the subscribers as the sidecar would. Without it the service refuses every
    /// event delivery (and says so at start).
    /// </summary>
    public string? AppApiToken { get; set; }

    /// <summary>Whether <paramref name="token"/> is a usable app API token (not empty or white space).</summary>
    public static bool IsToken([NotNullWhen(true)] string? token) => !string.IsNullOrWhiteSpace(token);

    /// <summary>Upper bound of the retry backoff of a failing delivery.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many ODs (streams) one forwarder delivers to at the same time. 1 (the default): the store's order, one event
    /// at a time. Above 1: the events of one OD still go one after another in store order, but ODs no longer wait for
    /// each other, so order across ODs is not kept (only for subscribers that need order per OD alone).
    /// </summary>
    public int MaxParallelDeliveries { get; set; } = 1;
}
