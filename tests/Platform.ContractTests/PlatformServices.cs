using RobuustOD.Assessment;
using RobuustOD.Monitoring;
using RobuustOD.Notifications;
using RobuustOD.Registry;
using RobuustOD.Subsidy;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Platform.ContractTests;

/// <summary>
/// Every service the platform contract holds for. A new service is one line in <see cref="All"/> (plus its
/// ProjectReference in the csproj, so that its marker type and host are there to start).
/// </summary>
public static class PlatformServices
{
    public static readonly IReadOnlyList<ServiceUnderTest> All =
    [
        ServiceUnderTest.Of<RegistryService>("Registry"),
        ServiceUnderTest.Of<AssessmentService>("Assessment"),
        ServiceUnderTest.Of<MonitoringService>("Monitoring"),
        ServiceUnderTest.Of<SubsidyService>("Subsidy"),
        ServiceUnderTest.Of<NotificationsService>("Notifications"),
    ];

    /// <summary>
    /// Known gaps in services this branch may not change, by (service, check): the case is skipped with the reason
    /// instead of weakening the check for everyone. Remove an entry once the service is fixed; an entry for a case
    /// that passes is not detected, so keep the list short and precise.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Service, string Check), string> KnownGaps =
        new Dictionary<(string, string), string>
        {
        };

    public static ServiceUnderTest Named(string name) =>
        All.SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No service '{name}' in PlatformServices.All.", nameof(name));

    /// <summary>One row per service for <paramref name="check"/>, skipped where <see cref="KnownGaps"/> names a gap.</summary>
    public static IEnumerable<TheoryDataRow<string>> Rows(string check) =>
        All.Select(s => new TheoryDataRow<string>(s.Name) { Skip = Gap(s.Name, check) });

    /// <summary>One row per service and case.</summary>
    public static IEnumerable<TheoryDataRow<string, string>> Rows(IEnumerable<string> cases) =>
        from s in All
        from c in cases
        select new TheoryDataRow<string, string>(s.Name, c) { Skip = Gap(s.Name, c) };

    private static string? Gap(string service, string check) =>
        KnownGaps.TryGetValue((service, check), out var reason) ? $"Known gap in {service}: {reason}" : null;
}

/// <summary>A service as the platform tests see it: its name (its folder under services/), how to start it, and its committed OpenAPI document.</summary>
/// <param name="Name">The folder under <c>services/</c>.</param>
/// <param name="Marker">The marker class of the service's assembly (<c>WebApplicationFactory&lt;T&gt;</c>).</param>
/// <param name="OpenApiFile">The committed OpenAPI document, relative to the repository root.</param>
public sealed record ServiceUnderTest(string Name, Type Marker, string OpenApiFile,
    Func<string, DevIdentityServer, IRunningService> Start)
{
    public static ServiceUnderTest Of<TService>(string name, string? openApiFile = null)
        where TService : class =>
        new(name, typeof(TService), openApiFile ?? $"services/{name}/openapi.json",
            (database, identity) => new RunningService<TService>(new ServiceFactory<TService>(database, identity)));

    public override string ToString() => Name;
}
