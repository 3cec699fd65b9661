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

    /// <summary>
    /// Delivers events of one topic in the given order: one result per event, each delivered or poison up to the first
    /// retry, which holds back that event and every later one (their results are not read; the forwarder sends them
    /// again). By default one at a time, each after the previous one's answer.
    /// </summary>
    Task<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutgoingCloudEvent> cloudEvents, CancellationToken ct) =>
        OneAtATimeAsync(this, cloudEvents, ct);

    /// <summary>Each event after the previous one's answer, up to the first retry.</summary>
    protected static async Task<IReadOnlyList<DeliveryResult>> OneAtATimeAsync(ICloudEventSink sink, IReadOnlyList<OutgoingCloudEvent> cloudEvents,
        CancellationToken ct)
    {
        var results = new List<DeliveryResult>(cloudEvents.Count);
        foreach (var cloudEvent in cloudEvents)
        {
            var result = await sink.DeliverAsync(cloudEvent, ct);
            results.Add(result);
            if (result.Outcome == DeliveryOutcome.Retry)
            {
                break;
            }
        }

        return results;
    }
}
