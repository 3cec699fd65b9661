using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.Gateway.Tests.Platform;

namespace RobuustOD.Gateway.Tests;

/// <summary>The gateway in front of the running services: every route reaches its service, the rest is a 404 problem.</summary>
public sealed class GatewayRoutingTests(DashboardPlatform platform)
{
    public static TheoryData<string> Routes => new(DashboardPlatform.Services.Select(s => s.Route));

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task every_route_reaches_its_service(string route)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = await platform.ApiClientAsync(null, ct);

        using var response = await http.GetAsync(new Uri($"/{route}/v1/openapi.json", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal($"/{route}/v1", document.GetProperty("servers")[0].GetProperty("url").GetString());
        // The service's own headers come through unchanged.
        Assert.True(response.Headers.Contains("API-Version"));
    }

    [Theory]
    [InlineData("/onbekend")]
    [InlineData("/register/v2/omgevingsdiensten")]
    [InlineData("/api/omgevingsdiensten")]
    public async Task an_unknown_path_is_a_404_problem(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = await platform.ApiClientAsync(null, ct);

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(path, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_bearer_token_passes_through_to_the_service()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = await platform.ApiClientAsync(null, ct);
        using var ienw = await platform.ApiClientAsync("ienw", ct);
        using var fumo = await platform.ApiClientAsync("od-FUMO", ct);
        var path = new Uri("/monitoring/v1/omgevingsdiensten/ODG", UriKind.Relative);

        using var without = await anonymous.GetAsync(path, ct);
        using var with = await ienw.GetAsync(path, ct);
        using var foreign = await fumo.GetAsync(path, ct);

        // The service decides, from the token as the client sent it: none 401, IenW 200, another OD 403.
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task health_ready_reports_each_upstream()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = await platform.ApiClientAsync(null, ct);

        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        var upstreams = body.GetProperty("upstreams");
        foreach (var (route, _, _) in DashboardPlatform.Services)
        {
            Assert.Equal("Healthy", upstreams.GetProperty(route).GetString());
        }

        // The configuration also routes APIs this fixture does not start (notificaties, until it is wired in):
        // then the gateway is not ready, and says which upstream is missing.
        var missing = upstreams.EnumerateObject().Where(u => DashboardPlatform.Services.All(s => s.Route != u.Name)).ToList();
        Assert.Equal(missing.Count == 0 ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.All(missing, u => Assert.Equal("Unreachable", u.Value.GetString()));
    }

    [Fact]
    public async Task docs_list_every_api()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = await platform.ApiClientAsync(null, ct);

        var page = await http.GetStringAsync(new Uri("/docs/", UriKind.Relative), ct);

        // Scalar lists the documents relative to the site root; each is the service's own, through the gateway.
        foreach (var (route, _, _) in DashboardPlatform.Services)
        {
            Assert.Contains($"\"url\":\"{route}/v1/openapi.json\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("/connect/token", page, StringComparison.Ordinal);
    }
}
