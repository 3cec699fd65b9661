using Microsoft.Extensions.Configuration;

namespace RobuustOD.AppHost;

internal static class LoopbackEndpoints
{
    /// <summary>The port of resource <paramref name="name"/>: configuration <c>{name}:Port</c>, else <paramref name="defaultPort"/>.</summary>
    public static int PortOf(IConfiguration configuration, string name, int defaultPort) =>
        configuration.GetValue($"{name}:Port", defaultPort);

    public static string UrlOf(int port) => $"http://127.0.0.1:{port}";

    /// <summary>
    /// A fixed, unproxied http endpoint on 127.0.0.1: the services and the identity provider call each other by
    /// these addresses (token issuer, Auth:Authority), so they must not move between runs or go through a proxy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> OnLoopbackPort(this IResourceBuilder<ProjectResource> project, int port) =>
        project
            .WithHttpEndpoint(port: port, isProxied: false)
            .WithEndpoint("http", endpoint => endpoint.TargetHost = "127.0.0.1");
}
