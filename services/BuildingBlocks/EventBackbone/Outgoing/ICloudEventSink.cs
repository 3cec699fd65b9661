namespace RobuustOD.EventBackbone.Outgoing;

public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Transient: try again later, the checkpoint must not move.</summary>
    Retry,

    /// <summary>Can never be delivered as it is: goes to the dead-letter record.</summary>
    Poison,
}

public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Reason = null)
{
    public static readonly DeliveryResult Delivered = new(DeliveryOutcome.Delivered);

    public static DeliveryResult Retry(string reason) => new(DeliveryOutcome.Retry, reason);

    public static DeliveryResult Poison(string reason) => new(DeliveryOutcome.Poison, reason);
}

/// <summary>Where the forwarder delivers: the Dapr sidecar, or (standalone) one subscribing service.</summary>
public interface ICloudEventSink
{
    /// <summary>Stable name; also names the sink's checkpoint (Marten subscription).</summary>
    string Name { get; }

    Task<DeliveryResult> DeliverAsync(OutgoingCloudEvent cloudEvent, CancellationToken ct);
}
