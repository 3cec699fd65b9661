using System.Text.Json;
using RobuustOD.Gateway.Tests.Platform;

namespace RobuustOD.Gateway.Tests;

/// <summary>
/// The gateway's routes (deploy/Gateway/appsettings.json, <c>ReverseProxy</c>) against what each service declares:
/// its prefix (the <c>servers</c> of its committed services/*/openapi.json) and its port (its launch profile, which
/// is also the app host's default). A new service is checked as soon as its folder has both files.
/// </summary>
public sealed class RouteConfigurationTests
{
    /// <summary>Routes configured ahead of their service (none now: every route has its service).</summary>
    private static readonly Dictionary<string, (string Prefix, int Port)> Announced = new(StringComparer.Ordinal);

    private static readonly string Root = DashboardPlatform.RepositoryRoot();

    private static IEnumerable<string> Folders => Directory.GetDirectories(Path.Combine(Root, "services"))
        .Where(d => File.Exists(Path.Combine(d, "openapi.json")))
        .Select(d => Path.GetFileName(d));

    public static TheoryData<string> ServiceFolders => new(Folders);

    private static JsonElement ProxyConfig()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "Gateway", "appsettings.json")));
        return settings.RootElement.GetProperty("ReverseProxy").Clone();
    }

    private static (string Prefix, int Port) Declared(string folder)
    {
        var service = Path.Combine(Root, "services", folder);
        using var openApi = JsonDocument.Parse(File.ReadAllText(Path.Combine(service, "openapi.json")));
        var prefix = openApi.RootElement.GetProperty("servers")[0].GetProperty("url").GetString()!;
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(service, "Properties", "launchSettings.json")));
        var url = launch.RootElement.GetProperty("profiles").EnumerateObject().First().Value.GetProperty("applicationUrl").GetString()!;
        return (prefix, new Uri(url.Split(';')[0]).Port);
    }

    private static (string Route, string Path, int Port) RouteFor(JsonElement proxy, string prefix)
    {
        var name = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.True(proxy.GetProperty("Routes").TryGetProperty(name, out var route), $"No route '{name}' for {prefix}.");
        var cluster = proxy.GetProperty("Clusters").GetProperty(route.GetProperty("ClusterId").GetString()!);
        var address = cluster.GetProperty("Destinations").EnumerateObject().First().Value.GetProperty("Address").GetString()!;
        return (name, route.GetProperty("Match").GetProperty("Path").GetString()!, new Uri(address).Port);
    }

    [Theory]
    [MemberData(nameof(ServiceFolders))]
    public void every_service_has_a_route_to_its_prefix_and_port(string folder)
    {
        var (prefix, port) = Declared(folder);

        var route = RouteFor(ProxyConfig(), prefix);

        // Paths go through unchanged: the route matches the prefix and everything under it, no path transform.
        Assert.Equal(prefix + "/{**rest}", route.Path);
        Assert.Equal(port, route.Port);
        Assert.False(ProxyConfig().GetProperty("Routes").GetProperty(route.Route).TryGetProperty("Transforms", out _));
    }

    [Fact]
    public void every_route_belongs_to_a_service_or_is_announced()
    {
        var proxy = ProxyConfig();
        var declared = Folders.Select(Declared).ToList();

        foreach (var route in proxy.GetProperty("Routes").EnumerateObject())
        {
            var path = route.Value.GetProperty("Match").GetProperty("Path").GetString()!;
            var prefix = path[..path.IndexOf("/{**rest}", StringComparison.Ordinal)];
            var (_, _, port) = RouteFor(proxy, prefix);
            var service = declared.FirstOrDefault(d => d.Prefix == prefix);
            if (service.Prefix is null)
            {
                Assert.True(Announced.TryGetValue(route.Name, out var announced), $"Route {route.Name} ({prefix}) has no service.");
                Assert.Equal((announced.Prefix, announced.Port), (prefix, port));
            }
            else
            {
                Assert.Equal(service.Port, port);
            }

            Assert.Equal(prefix + "/openapi.json", route.Value.GetProperty("Metadata").GetProperty("OpenApi").GetString());
        }
    }
}
