using System.Reflection;

namespace RobuustOD.Contracts.Eventing;

/// <summary>The catalogue of integration events in this assembly, by CloudEvent type.</summary>
public static class IntegrationEventCatalogue
{
    public static IReadOnlyList<Type> All { get; } = [.. typeof(IntegrationEventCatalogue).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<IntegrationEventAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static IntegrationEventAttribute Describe(Type eventType) =>
        eventType.GetCustomAttribute<IntegrationEventAttribute>()
        ?? throw new ArgumentException($"{eventType.Name} is not an integration event.", nameof(eventType));
}
