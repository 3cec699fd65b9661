using System.Security.Cryptography;

namespace RobuustOD.AppHost;

/// <summary>The development identity provider plus every API service, wired the same way.</summary>
internal sealed class RobuustPlatform
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly RobuustDatabase _database;
    private readonly IResourceBuilder<ProjectResource> _identity;
    private readonly IResourceBuilder<ParameterResource> _appApiToken;
    private readonly string _identityUrl;
    private readonly string _seedsFolder;
    private readonly Dictionary<string, int> _ports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _subscriberCount = new(StringComparer.Ordinal);

    /// <summary>The development identity provider.</summary>
    public IResourceBuilder<ProjectResource> Identity => _identity;

    public RobuustPlatform(IDistributedApplicationBuilder builder, RobuustDatabase database)
    {
        _builder = builder;
        _database = database;
        _seedsFolder = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "seeds"));
        // The Dapr app API token, new for every run: the services require it on their event endpoints, and the
        // publisher's standalone forwarder sends it, as a sidecar would. A secret parameter: the dashboard masks it,
        // and it goes to the services as an environment variable only, never into a URL or a log line.
        _appApiToken = builder.AddParameter("app-api-token", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), secret: true);

        var identityPort = LoopbackEndpoints.PortOf(builder.Configuration, "DevIdentity", 5199);
        _identityUrl = LoopbackEndpoints.UrlOf(identityPort);
        // DevIdentity links to the register; the register's port is known before its resource exists.
        var registryUrl = LoopbackEndpoints.UrlOf(LoopbackEndpoints.PortOf(builder.Configuration, "registry", 5101));
        _identity = builder.AddProject<Projects.DevIdentity>("devidentity", launchProfileName: null)
            .OnLoopbackPort(identityPort)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("DevIdentity__RegisterUrl", registryUrl)
            .WithHttpHealthCheck("/health/live");
    }

    /// <summary>
    /// An API service on 127.0.0.1:<c>{name}:Port</c> (default <paramref name="defaultPort"/>), with database, auth
    /// and seeds, and standalone eventing with this run's app API token (<c>APP_API_TOKEN</c>): no Dapr sidecar runs
    /// here (see dapr/ for running with Dapr).
    /// </summary>
    public IResourceBuilder<ProjectResource> AddService<TProject>(string name, int defaultPort)
        where TProject : IProjectMetadata, new()
    {
        var port = LoopbackEndpoints.PortOf(_builder.Configuration, name, defaultPort);
        _ports[name] = port;
        var service = _builder.AddProject<TProject>(name, launchProfileName: null)
            .OnLoopbackPort(port)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("Eventing__Mode", "Standalone")
            .WithEnvironment("APP_API_TOKEN", _appApiToken)
            .WithEnvironment("Auth__Authority", _identityUrl)
            .WithEnvironment("Auth__RequireHttpsMetadata", "false")
            .WithEnvironment("Seeds__Path", _seedsFolder)
            .WithEnvironment("Seeds__LoadOnStartup", "true")
            .WithHttpHealthCheck("/health/ready")
            .WaitFor(_identity);
        _database.AttachTo(service);
        return service;
    }

    /// <summary>
    /// The gateway on 127.0.0.1:<c>gateway:Port</c> (default <paramref name="defaultPort"/>) in front of
    /// <paramref name="apis"/> (its route/cluster name, e.g. <c>register</c>, and the service), started after them; the
    /// identity provider lets the dashboard sign people in to its <c>/signin-oidc</c>.
    /// </summary>
    public IResourceBuilder<ProjectResource> AddGateway(int defaultPort, params (string Route, IResourceBuilder<ProjectResource> Service)[] apis)
    {
        var port = LoopbackEndpoints.PortOf(_builder.Configuration, "gateway", defaultPort);
        var url = LoopbackEndpoints.UrlOf(port);
        _identity.WithEnvironment("DevIdentity__RedirectUris__0", url + "/signin-oidc");
        var gateway = _builder.AddProject<Projects.Gateway>("gateway", launchProfileName: null)
            .OnLoopbackPort(port)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("Gateway__IdentityProvider", _identityUrl)
            .WithHttpHealthCheck("/health/live")
            .WaitFor(_identity);
        foreach (var (route, service) in apis)
        {
            gateway.WithEnvironment($"ReverseProxy__Clusters__{route}__Destinations__d1__Address",
                LoopbackEndpoints.UrlOf(_ports[service.Resource.Name]) + "/");
            gateway.WaitFor(service);
        }

        return gateway;
    }

    /// <summary>
    /// Standalone eventing: <paramref name="publisher"/>'s forwarder posts its events to each subscriber's Dapr
    /// endpoints itself (<c>Eventing:Subscribers</c>, in this order), as its sidecar would. The publisher does not
    /// wait for the subscribers: a delivery is retried until the subscriber is up. Called again for the same
    /// publisher, the subscribers are added after the earlier ones.
    /// </summary>
    public void DeliverEvents(IResourceBuilder<ProjectResource> publisher, params IResourceBuilder<ProjectResource>[] subscribers)
    {
        var next = _subscriberCount.GetValueOrDefault(publisher.Resource.Name);
        foreach (var subscriber in subscribers)
        {
            var url = LoopbackEndpoints.UrlOf(_ports[subscriber.Resource.Name]);
            publisher.WithEnvironment($"Eventing__Subscribers__{next++}", url);
        }

        _subscriberCount[publisher.Resource.Name] = next;
    }
}
