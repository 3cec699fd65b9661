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

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var stored in page.Events)
        {
            if (mapper.Map(stored) is not { } payload)
            {
                continue;
            }

            var cloudEvent = OutgoingCloudEvent.From(stored, payload, source, json);
            var result = await _retry.ExecuteAsync(static async (state, ct) =>
                await state.sink.DeliverAsync(state.cloudEvent, ct), (sink, cloudEvent), cancellationToken);
            if (result.Outcome == DeliveryOutcome.Poison)
            {
                LogPoison(logger, cloudEvent.Id, cloudEvent.Type, sink.Name, result.Reason);
                operations.Store(new OnbestelbaarBericht
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
                });
            }
        }

        return NullChangeListener.Instance;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Sink} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetry(ILogger logger, string sink, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Id} ({Type}) cannot be delivered to {Sink} and is dead-lettered: {Reason}")]
    private static partial void LogPoison(ILogger logger, string id, string type, string sink, string? reason);
}
