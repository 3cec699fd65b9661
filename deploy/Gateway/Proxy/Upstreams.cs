using Yarp.ReverseProxy.Configuration;

namespace RobuustOD.Gateway.Proxy;

/// <summary>An API behind the gateway, as its route and cluster in the <c>ReverseProxy</c> section describe it.</summary>
/// <param name="Name">The route and cluster id, the API's prefix without version: <c>register</c>.</param>
/// <param name="Title">The route's <c>Api</c> metadata: <c>Register API</c>.</param>
/// <param name="OpenApiPath">The route's <c>OpenApi</c> metadata: <c>/register/v1/openapi.json</c>.</param>
/// <param name="Address">The cluster's (first) destination.</param>
public sealed record Upstream(string Name, string Title, string OpenApiPath, Uri Address);

/// <summary>The APIs behind the gateway, read from YARP's own configuration so that there is one list.</summary>
public sealed class Upstreams(IProxyConfigProvider config)
{
    public const string HealthClient = "upstream-health";

    public IReadOnlyList<Upstream> All
    {
        get
        {
            var proxy = config.GetConfig();
            return proxy.Routes
                .Where(r => r.ClusterId is not null)
                .Select(r => (Route: r, Cluster: proxy.Clusters.FirstOrDefault(c => c.ClusterId == r.ClusterId)))
                .Where(x => x.Cluster?.Destinations?.Count > 0)
                .Select(x => new Upstream(
                    x.Route.RouteId,
                    x.Route.Metadata?.GetValueOrDefault("Api") ?? x.Route.RouteId,
                    x.Route.Metadata?.GetValueOrDefault("OpenApi") ?? $"/{x.Route.RouteId}/v1/openapi.json",
                    new Uri(x.Cluster!.Destinations!.Values.First().Address)))
                .ToList();
        }
    }

    /// <summary>The upstream named <paramref name="name"/>, or null when the gateway has no such route.</summary>
    public Upstream? Find(string name) => All.FirstOrDefault(u => u.Name == name);
}
