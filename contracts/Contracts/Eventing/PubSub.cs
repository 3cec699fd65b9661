namespace RobuustOD.Contracts.Eventing;

/// <summary>The names the publishers, the subscribers and the Dapr components agree on.</summary>
public static class PubSub
{
    /// <summary>The Dapr pub/sub component (dapr/components/pubsub.yaml).</summary>
    public const string Name = "robuustod-pubsub";

    public static class Topics
    {
        /// <summary>Events of the register of omgevingsdiensten; partitioned by OD code.</summary>
        public const string Register = "register";

        /// <summary>Events of the assessment of plans of approach; partitioned by OD code.</summary>
        public const string Beoordeling = "beoordeling";

        /// <summary>Events of the monitoring of progress (reports, judgements, escalation); partitioned by OD code.</summary>
        public const string Monitoring = "monitoring";

        /// <summary>Events of the subsidy schemes and requests; partitioned by OD code.</summary>
        public const string Subsidie = "subsidie";

        /// <summary>Operational events of the notification service (deliveries that failed for good, subscriptions suspended).</summary>
        public const string Notificaties = "notificaties";
    }

    /// <summary>The publishing systems: the last part of their CloudEvent <c>source</c> (<see cref="CloudEventSource"/>).</summary>
    public static class Systems
    {
        public const string Register = "robuustod-register";

        public const string Beoordeling = "robuustod-beoordeling";

        public const string Monitoring = "robuustod-monitoring";

        public const string Subsidie = "robuustod-subsidie";

        public const string Notificaties = "robuustod-notificaties";
    }

    /// <summary>
    /// The one system that publishes on <paramref name="topic"/>: a subscriber accepts an event on that topic only from
    /// <c>urn:nld:oin:&lt;OIN&gt;:systeem:&lt;this system&gt;</c>.
    /// </summary>
    public static string PublisherOf(string topic) => topic switch
    {
        Topics.Register => Systems.Register,
        Topics.Beoordeling => Systems.Beoordeling,
        Topics.Monitoring => Systems.Monitoring,
        Topics.Subsidie => Systems.Subsidie,
        Topics.Notificaties => Systems.Notificaties,
        _ => throw new ArgumentException($"Topic '{topic}' has no publisher in {nameof(PubSub)}; add it to {nameof(PublisherOf)}.", nameof(topic)),
    };

    /// <summary>Where a subscriber's events go that it can never process.</summary>
    public static string DeadLetterTopic(string topic) => $"{topic}-onbestelbaar";

    /// <summary>Metadata key that keeps one OD's events in order on brokers that partition (Kafka, Event Hubs).</summary>
    public const string PartitionKeyMetadata = "partitionKey";
}
