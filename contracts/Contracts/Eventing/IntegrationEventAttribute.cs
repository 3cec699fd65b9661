namespace RobuustOD.Contracts.Eventing;

/// <summary>
/// Marks a record as an integration event: the payload (<c>data</c>) of a CloudEvent of
/// <paramref name="type"/> (NL GOV profile: reverse-DNS, named after the domain, ending in the major
/// version) on <paramref name="topic"/>. A breaking change gets a new record with a new <c>.vN</c> type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string type, string topic) : Attribute
{
    public string Type { get; } = type;

    public string Topic { get; } = topic;
}
