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
    }

    /// <summary>Where a subscriber's events go that it can never process.</summary>
    public static string DeadLetterTopic(string topic) => $"{topic}-onbestelbaar";

    /// <summary>Metadata key that keeps one OD's events in order on brokers that partition (Kafka, Event Hubs).</summary>
    public const string PartitionKeyMetadata = "partitionKey";
}
