using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.HttpDefaults;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.Platform.ContractTests;

/// <summary>A started service, whatever its marker type: what the platform checks need of it.</summary>
public interface IRunningService : IAsyncDisposable
{
    IServiceProvider Services { get; }

    /// <summary>A client with a token of <paramref name="clientId"/> (null: anonymous); no automatic redirects.</summary>
    Task<HttpClient> ClientAsync(string? clientId, CancellationToken ct);

    /// <summary>An anonymous client whose requests arrive as HTTPS (as behind the platform's TLS termination).</summary>
    HttpClient HttpsClient();
}

internal sealed class RunningService<TService>(ServiceFactory<TService> factory) : IRunningService
    where TService : class
{
    public IServiceProvider Services => factory.Services;

    public Task<HttpClient> ClientAsync(string? clientId, CancellationToken ct) => factory.ClientAsync(clientId, ct);

    public HttpClient HttpsClient() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}

/// <summary>
/// Starts each service of <see cref="PlatformServices.All"/> on first use, on a fresh database of its own, trusting one
/// in-memory identity provider; all platform test classes share them (one collection), so each service starts once.
/// </summary>
public sealed class PlatformFixture(PostgresServer postgres) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IRunningService>>> _running = new();

    public DevIdentityServer Identity { get; } = new();

    public Task<IRunningService> StartAsync(ServiceUnderTest service, CancellationToken ct) =>
        _running.GetOrAdd(service.Name, _ => new Lazy<Task<IRunningService>>(() => StartCoreAsync(service, ct))).Value;

    private async Task<IRunningService> StartCoreAsync(ServiceUnderTest service, CancellationToken ct)
    {
        var database = await postgres.CreateDatabaseAsync("platform_" + service.Name, ct);
        var running = service.Start(database, Identity);
        // Touch the host so that a start-up failure surfaces here, named after the service.
        _ = running.Services.GetRequiredService<ApiDescriptor>();
        return running;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // A service that failed to start has nothing to stop; its start-up failure was reported by its tests.
        foreach (var lazy in _running.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            await (await lazy.Value).DisposeAsync();
        }

        await Identity.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>What every platform test needs: the service of the row, started, with its descriptor and endpoints.</summary>
[Collection(PlatformCollection.Name)]
public abstract class PlatformTest(PlatformFixture fixture)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected PlatformFixture Fixture => fixture;

    protected Task<IRunningService> StartAsync(string service) => fixture.StartAsync(PlatformServices.Named(service), Ct);

    protected static ApiDescriptor Descriptor(IRunningService running) => running.Services.GetRequiredService<ApiDescriptor>();

    protected static List<RouteEndpoint> RouteEndpoints(IRunningService running) =>
        [.. running.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>The endpoints of the API itself: under the versioned base path, except the shared OpenAPI and docs endpoints.</summary>
    protected static List<RouteEndpoint> ApiEndpoints(IRunningService running)
    {
        var api = Descriptor(running);
        return [.. RouteEndpoints(running).Where(e => IsApiRoute(api, e.RoutePattern.RawText ?? ""))];
    }

    protected static bool IsApiRoute(ApiDescriptor api, string route) =>
        route.StartsWith(api.BasePath + "/", StringComparison.Ordinal)
        && route != api.OpenApiPath
        && !IsDocsRoute(api, route);

    protected static bool IsDocsRoute(ApiDescriptor api, string route) =>
        route == api.DocsPath || route.StartsWith(api.DocsPath + "/", StringComparison.Ordinal);

    /// <summary>The repository root (the folder holding RobuustOD.sln above the test binaries).</summary>
    protected static string RepoRoot()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "RobuustOD.sln")))
            {
                return map.FullName;
            }
        }

        throw new InvalidOperationException($"No RobuustOD.sln above {AppContext.BaseDirectory}.");
    }
}
