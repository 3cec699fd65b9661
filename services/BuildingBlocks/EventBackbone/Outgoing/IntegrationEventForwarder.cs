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
    /// Delivers the page in store order (the default, which the subscribers and the backbone's tests rely on: store order
    /// across ODs too), in runs of consecutive events of one topic handed to the sink at once: a subscriber that declares
    /// bulk subscribe gets them in a few requests, each applied in one transaction; otherwise one at a time, each after
    /// the previous one's answer. Up to the first event to retry everything before it is done (delivered or poison); the
    /// rest is sent again from that event on, so no event overtakes one before it. With
    /// <see cref="EventingOptions.MaxParallelDeliveries"/> above 1 it delivers up to that many streams (ODs) at a time,
    /// each stream's events in store order: order per OD is kept, order across ODs is not. Either way the method
    /// returns, and so the checkpoint moves, only once every event of the page is delivered or dead-lettered.
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
        // Events that are not published (no contract) are left out; the order of the others stays.
        var cloudEvents = events.Select(stored => mapper.Map(stored) is { } payload ? OutgoingCloudEvent.From(stored, payload, source, json) : null)
            .OfType<OutgoingCloudEvent>().ToList();
        var next = 0;
        while (next < cloudEvents.Count)
        {
            var topic = cloudEvents[next].Topic;
            var run = cloudEvents.Skip(next).TakeWhile(c => c.Topic == topic).ToList();
            next += run.Count;
            await DeliverRunAsync(run, deadLetters, ct);
        }
    }

    /// <summary>
    /// A run of one topic until every event is delivered or poison. The backoff grows only while no event gets through;
    /// after progress the rest is sent again at once.
    /// </summary>
    private async Task DeliverRunAsync(List<OutgoingCloudEvent> run, ConcurrentQueue<OnbestelbaarBericht> deadLetters, CancellationToken cancellationToken)
    {
        var done = 0;
        while (done < run.Count)
        {
            await _retry.ExecuteAsync(async ct =>
            {
                var rest = run.GetRange(done, run.Count - done);
                var results = await sink.DeliverAsync(rest, ct);
                var progress = 0;
                foreach (var result in results.Take(rest.Count))
                {
                    if (result.Outcome == DeliveryOutcome.Retry)
                    {
                        break;
                    }

                    if (result.Outcome == DeliveryOutcome.Poison)
                    {
                        deadLetters.Enqueue(DeadLetter(rest[progress], result.Reason));
                    }

                    progress++;
                }

                done += progress;
                return progress > 0 || done == run.Count
                    ? DeliveryResult.Delivered
                    : results.FirstOrDefault(r => r.Outcome == DeliveryOutcome.Retry) ?? DeliveryResult.Retry($"{sink.Name} answered for none of the events");
            }, cancellationToken);
        }
    }

    private OnbestelbaarBericht DeadLetter(OutgoingCloudEvent cloudEvent, string? reason)
    {
        LogPoison(logger, cloudEvent.Id, cloudEvent.Type, sink.Name, reason);
        return new OnbestelbaarBericht
        {
            Id = Guid.NewGuid(),
            Bestemming = sink.Name,
            CloudEventId = cloudEvent.Id,
            Type = cloudEvent.Type,
            Topic = cloudEvent.Topic,
            Source = cloudEvent.Source,
            Onderwerp = cloudEvent.Subject,
            Reden = reason ?? "",
            OnbestelbaarSinds = clock.GetUtcNow(),
            CloudEvent = cloudEvent.StructuredJson,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Sink} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetry(ILogger logger, string sink, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Id} ({Type}) cannot be delivered to {Sink} and is dead-lettered: {Reason}")]
    private static partial void LogPoison(ILogger logger, string id, string type, string sink, string? reason);
}
