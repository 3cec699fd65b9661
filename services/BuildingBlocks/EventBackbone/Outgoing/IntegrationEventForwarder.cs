using System.Collections.Concurrent;
using System.Text.Json;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>
/// Forwards committed events from the event store to one sink, as a Marten async-daemon subscription:
/// in store order (so in order per OD), checkpointed by Marten. A delivery that fails transiently is
/// retried with backoff until it succeeds or the host stops, and the checkpoint does not move meanwhile;
/// a poison event becomes an <see cref="OnbestelbaarBericht"/> in the same transaction as the checkpoint.
/// At least once: after a crash the page is delivered again with the same CloudEvent ids.
/// </summary>
public sealed partial class IntegrationEventForwarder(
    ICloudEventSink sink,
    IIntegrationEventMapper mapper,
    string source,
    JsonSerializerOptions json,
    EventingOptions options,
    TimeProvider clock,
    ILogger logger) : SubscriptionBase
{
    private readonly ResiliencePipeline<DeliveryResult> _retry = new ResiliencePipelineBuilder<DeliveryResult>()
        .AddRetry(new RetryStrategyOptions<DeliveryResult>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Outcome == DeliveryOutcome.Retry),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = options.MaxRetryDelay,
            OnRetry = args =>
            {
                LogRetry(logger, sink.Name, args.AttemptNumber, args.Outcome.Result?.Reason);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>
    /// Delivers the page in store order, one event at a time (the default, which the subscribers and the backbone's
    /// tests rely on: store order across ODs too). With <see cref="EventingOptions.MaxParallelDeliveries"/> above 1 it
    /// delivers up to that many streams (ODs) at a time, each stream's events one after another in store order: order
    /// per OD is kept, order across ODs is not. Either way the method returns, and so the checkpoint moves, only once
    /// every event of the page is delivered or dead-lettered.
    /// </summary>
    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var deadLetters = new ConcurrentQueue<OnbestelbaarBericht>();
        if (options.MaxParallelDeliveries <= 1)
        {
            await DeliverInOrderAsync(page.Events, deadLetters, cancellationToken);
        }
        else
        {
            var streams = page.Events.GroupBy(stored => stored.StreamKey ?? stored.StreamId.ToString(), StringComparer.Ordinal);
            await Parallel.ForEachAsync(streams,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelDeliveries, CancellationToken = cancellationToken },
                async (stream, ct) => await DeliverInOrderAsync(stream, deadLetters, ct));
        }

        // The operations are the checkpoint's unit of work, which is not for concurrent use: store after the deliveries.
        foreach (var deadLetter in deadLetters)
        {
            operations.Store(deadLetter);
        }

        return NullChangeListener.Instance;
    }

    private async Task DeliverInOrderAsync(IEnumerable<IEvent> events, ConcurrentQueue<OnbestelbaarBericht> deadLetters, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            if (await DeliverAsync(stored, ct) is { } deadLetter)
            {
                deadLetters.Enqueue(deadLetter);
            }
        }
    }

    /// <returns>The dead letter when the event is poison; null when delivered or not published.</returns>
    private async Task<OnbestelbaarBericht?> DeliverAsync(IEvent stored, CancellationToken cancellationToken)
    {
        if (mapper.Map(stored) is not { } payload)
        {
            return null;
        }

        var cloudEvent = OutgoingCloudEvent.From(stored, payload, source, json);
        var result = await _retry.ExecuteAsync(static async (state, ct) =>
            await state.sink.DeliverAsync(state.cloudEvent, ct), (sink, cloudEvent), cancellationToken);
        if (result.Outcome != DeliveryOutcome.Poison)
        {
            return null;
        }

        LogPoison(logger, cloudEvent.Id, cloudEvent.Type, sink.Name, result.Reason);
        return new OnbestelbaarBericht
        {
            Id = Guid.NewGuid(),
            Bestemming = sink.Name,
            CloudEventId = cloudEvent.Id,
            Type = cloudEvent.Type,
            Topic = cloudEvent.Topic,
            Source = cloudEvent.Source,
            Onderwerp = cloudEvent.Subject,
            Reden = result.Reason ?? "",
            OnbestelbaarSinds = clock.GetUtcNow(),
            CloudEvent = cloudEvent.StructuredJson,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Sink} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetry(ILogger logger, string sink, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Id} ({Type}) cannot be delivered to {Sink} and is dead-lettered: {Reason}")]
    private static partial void LogPoison(ILogger logger, string id, string type, string sink, string? reason);
}
