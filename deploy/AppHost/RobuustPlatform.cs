namespace RobuustOD.AppHost;

/// <summary>The development identity provider plus every API service, wired the same way.</summary>
internal sealed class RobuustPlatform
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly RobuustDatabase _database;
    private readonly IResourceBuilder<ProjectResource> _identity;
    private readonly string _identityUrl;
    private readonly string _seedsFolder;

    public RobuustPlatform(IDistributedApplicationBuilder builder, RobuustDatabase database)
    {
        _builder = builder;
        _database = database;
        _seedsFolder = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "seeds"));

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

    /// <summary>An API service on 127.0.0.1:<c>{name}:Port</c> (default <paramref name="defaultPort"/>), with database, auth and seeds.</summary>
    public IResourceBuilder<ProjectResource> AddService<TProject>(string name, int defaultPort)
        where TProject : IProjectMetadata, new()
    {
        var service = _builder.AddProject<TProject>(name, launchProfileName: null)
            .OnLoopbackPort(LoopbackEndpoints.PortOf(_builder.Configuration, name, defaultPort))
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("Auth__Authority", _identityUrl)
            .WithEnvironment("Auth__RequireHttpsMetadata", "false")
            .WithEnvironment("Seeds__Path", _seedsFolder)
            .WithEnvironment("Seeds__LoadOnStartup", "true")
            .WithHttpHealthCheck("/health/ready")
            .WaitFor(_identity);
        _database.AttachTo(service);
        return service;
    }
}
