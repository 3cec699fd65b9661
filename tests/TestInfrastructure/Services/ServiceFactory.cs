using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace RobuustOD.TestInfrastructure.Services;

/// <summary>
/// A RobuustOD service over in-memory HTTP, on its own PostgreSQL database, trusting the
/// in-memory development identity provider, with this run's Dapr app API token (<see cref="SidecarToken.PerRun"/>)
/// unless <c>Eventing:AppApiToken</c> is among the settings.
/// </summary>
public class ServiceFactory<TService>(string connectionString, DevIdentityServer identity,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<TService>
    where TService : class
{
    public DevIdentityServer Identity { get; } = identity;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>The app API token this service requires on its event endpoints (and sends on standalone deliveries).</summary>
    public string? AppApiToken => settings is not null && settings.TryGetValue("Eventing:AppApiToken", out var token) ? token : SidecarToken.PerRun;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:robuustod", connectionString);
        builder.UseSetting("Auth:Authority", DevIdentityServer.Authority);
        builder.UseSetting("Auth:RequireHttpsMetadata", "false");
        builder.UseSetting("Seeds:LoadOnStartup", "false");
        // No sidecar in tests: standalone delivery, to no subscriber unless a test names some.
        builder.UseSetting("Eventing:Mode", "Standalone");
        // As under the app host: one random app API token per run, shared by publishers and subscribers.
        builder.UseSetting("Eventing:AppApiToken", SidecarToken.PerRun);
        // Tests write in bursts; the write limit has a test of its own that sets it.
        builder.UseSetting("Limits:WritesPerMinute", "0");
        // Tests provoke conflicts on purpose; Marten logs each one at Error.
        builder.UseSetting("Logging:LogLevel:Marten", "Critical");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Cors:AllowedOrigins:0", "https://portaal.example.nl");
        // Configure, not PostConfigure: JwtBearer builds its metadata client in its own PostConfigure.
        builder.ConfigureTestServices(services =>
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                options => options.BackchannelHttpHandler = Identity.Server.CreateHandler()));
    }

    /// <summary>Serves over real HTTP on a free loopback port (other services call it); returns its base address.</summary>
    public Uri StartOnLoopback(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    /// <summary>A client that calls the event endpoints as the Dapr sidecar does: with this service's app API token.</summary>
    public HttpClient SidecarClient()
    {
        // CreateClient() without options: after StartOnLoopback its base address is the Kestrel server's.
        var client = CreateClient();
        if (!string.IsNullOrEmpty(AppApiToken))
        {
            client.AlsSidecar(AppApiToken);
        }

        return client;
    }

    /// <summary>A client carrying a token of <paramref name="clientId"/> (null: anonymous).</summary>
    public async Task<HttpClient> ClientAsync(string? clientId, CancellationToken ct)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (clientId is not null)
        {
            await Identity.AuthorizeAsync(client, clientId, ct);
        }

        return client;
    }

    /// <summary>
    /// Stops and disposes the service. JasperFx.Events 2.100-2.101 (Marten 9.58's projection coordinator) was seen, once
    /// in a full CI run, to throw <see cref="ObjectDisposedException"/> for its own cancellation source while the host
    /// stopped it (<c>ProjectionCoordinatorBase.stopRunnerAsync</c>); the test had passed. That throw leaves the host
    /// undisposed, with its connections open: the container is disposed here all the same, and the test gets a
    /// warning rather than a failure that says nothing about what it tests.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (ObjectDisposedException ex) when (ex.StackTrace?.Contains("JasperFx.Events.Daemon.ProjectionCoordinatorBase", StringComparison.Ordinal) == true)
        {
            TestContext.Current.AddWarning($"{typeof(TService).Name}: Marten's projection coordinator failed to stop ({ex.Message}); the service's container was disposed regardless");
            if (Services is IAsyncDisposable container)
            {
                await container.DisposeAsync();
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The number of events in the store: a rejected command must leave it unchanged.</summary>
    /// <remarks>
    /// Marten's own tombstone events (stream <c>mt_tombstone</c>, which it writes, sometimes a moment later, to fill the
    /// sequence numbers a failed save drew) are bookkeeping, not the domain's: they are not counted. Nor is the
    /// assessment's criteria catalogue (stream <c>criteriumcatalogus</c>), which the seeds and other tests of a shared
    /// database extend: the count is that of the ODs' streams.
    /// </remarks>
    private const string CatalogusStream = "criteriumcatalogus";

    public async Task<long> EventCountAsync(CancellationToken ct)
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.StreamKey != "mt_tombstone" && e.StreamKey != CatalogusStream).CountAsync(ct);
    }
}
