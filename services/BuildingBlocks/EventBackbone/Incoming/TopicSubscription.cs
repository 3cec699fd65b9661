using RobuustOD.Domain;
using System.Text.Json;
using Dapr;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RobuustOD.Contracts.Eventing;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.EventBackbone.Incoming;

/// <summary>
/// One endpoint per topic, declared the Dapr way (<c>WithTopic</c>, listed at <c>/dapr/subscribe</c>,
/// with a dead-letter topic). The CloudEvents middleware has unwrapped the payload and forwarded the
/// attributes as <c>Cloudevent.*</c> headers. Only the caller with the app API token gets here
/// (<see cref="DaprEndpointAuthorization"/>), and only events from the topic's own publisher are applied: the
/// <c>source</c> must be <c>urn:nld:oin:&lt;Eventing:Oin&gt;:systeem:&lt;PubSub.PublisherOf(topic)&gt;</c>, anything else
/// is dropped. Each event is applied exactly once in effect: the inbox row (source + id) and the handler's writes
/// commit together; a redelivery finds the row and is acknowledged.
/// </summary>
public static partial class TopicSubscription
{
    public static RouteHandlerBuilder MapTopicSubscription(this IEndpointRouteBuilder endpoints, string topic,
        Action<IntegrationEventHandlers> configure)
    {
        var handlers = new IntegrationEventHandlers();
        configure(handlers);
        var eventing = endpoints.ServiceProvider.GetRequiredService<IOptions<EventingOptions>>().Value;
        var pubsub = eventing.PubSubName;
        var publisher = CloudEventSource.For(eventing.Oin, PubSub.PublisherOf(topic));
        return endpoints.MapPost($"/events/{topic}", (HttpContext http, IDocumentStore store, ILoggerFactory logs) =>
                HandleAsync(http, store, topic, publisher, handlers, logs.CreateLogger("RobuustOD.Eventing.Inbox")))
            .WithTopic(new TopicOptions { PubsubName = pubsub, Name = topic, DeadLetterTopic = PubSub.DeadLetterTopic(topic) })
            .RequireAuthorization(DaprEndpointAuthorization.Policy)
            .ExcludeFromDescription();
    }

    private static async Task<Ok<TopicResponse>> HandleAsync(HttpContext http, IDocumentStore store, string topic, string publisher,
        IntegrationEventHandlers handlers, ILogger logger)
    {
        var headers = http.Request.Headers;
        var context = new CloudEventContext(headers["Cloudevent.id"].ToString(), headers["Cloudevent.source"].ToString(),
            headers["Cloudevent.type"].ToString(), headers["Cloudevent.subject"].FirstOrDefault(),
            DateTimeOffset.TryParse(headers["Cloudevent.time"], System.Globalization.CultureInfo.InvariantCulture, out var time) ? time : null);
        if (context.Id.Length == 0 || context.Source.Length == 0 || context.Type.Length == 0)
        {
            LogDrop(logger, context.Id, context.Type, "not a structured CloudEvent with id, source and type");
            return Answer("DROP");
        }

        // Even from the sidecar, an event on this topic that its publisher did not send (another system, another OIN)
        // can never apply here: dropped (Dapr: dead-letter topic; standalone: the publisher's dead letters), not retried.
        if (!string.Equals(context.Source, publisher, StringComparison.Ordinal))
        {
            LogDrop(logger, context.Id, context.Type, $"source '{Printable(context.Source)}' is not the publisher of topic '{topic}' ('{publisher}')");
            return Answer("DROP");
        }

        if (!handlers.TryGet(context.Type, out var handler))
        {
            LogIgnored(logger, context.Id, context.Type);
            return Answer("SUCCESS");
        }

        object payload;
        try
        {
            payload = await JsonSerializer.DeserializeAsync(http.Request.Body, handler.Payload, PayloadJson, http.RequestAborted)
                ?? throw new JsonException("empty payload");
        }
        catch (JsonException ex)
        {
            LogDrop(logger, context.Id, context.Type, ex.Message);
            return Answer("DROP");
        }

        await using var session = store.LightweightSession();
        session.Insert(new VerwerkteGebeurtenis
        {
            Id = VerwerkteGebeurtenis.Sleutel(context.Source, context.Id),
            Type = context.Type,
            Onderwerp = context.Subject,
            VerwerktOp = DateTimeOffset.UtcNow,
        });
        try
        {
            await handler.Apply(payload, session, context, http.RequestAborted);
            await session.SaveChangesAsync(http.RequestAborted);
            return Answer("SUCCESS");
        }
        catch (Exception ex) when (IsDuplicate(ex))
        {
            // Either this event was applied before, or a concurrent delivery of it just won.
            LogDuplicate(logger, context.Id, context.Type);
            return Answer("SUCCESS");
        }
        catch (Exception ex) when (ex is ConcurrencyException or NpgsqlException { IsTransient: true } or TimeoutException)
        {
            return Answer("RETRY");
        }
        catch (DomainRuleException ex)
        {
            LogDrop(logger, context.Id, context.Type, ex.Message);
            return Answer("DROP");
        }
    }

    /// <summary>
    /// Tolerant of new properties (a publisher may add one within a major version), strict on the ones the
    /// contract requires: a missing or null required member makes the event one that can never apply.
    /// </summary>
    private static readonly JsonSerializerOptions PayloadJson = new(RobuustOD.Contracts.ContractJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>A sender's value fit for a log line: at most 200 characters, no control characters.</summary>
    private static string Printable(string value) =>
        string.Concat(value.Take(200).Select(c => char.IsControl(c) ? '?' : c)) + (value.Length > 200 ? "..." : "");

    private static bool IsDuplicate(Exception ex) => ex switch
    {
        DocumentAlreadyExistsException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => ex.InnerException is { } inner && IsDuplicate(inner),
    };

    // Dapr's contract for programmatic subscriptions: 200 with SUCCESS, RETRY or DROP.
    private static Ok<TopicResponse> Answer(string status) => TypedResults.Ok(new TopicResponse(status));

    public sealed record TopicResponse(string Status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped CloudEvent {Id} ({Type}): {Reason}")]
    private static partial void LogDrop(ILogger logger, string id, string type, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CloudEvent {Id} ({Type}) has no handler here; acknowledged")]
    private static partial void LogIgnored(ILogger logger, string id, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudEvent {Id} ({Type}) was applied before; acknowledged without effect")]
    private static partial void LogDuplicate(ILogger logger, string id, string type);
}
