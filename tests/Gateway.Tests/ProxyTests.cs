using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RobuustOD.Gateway.Tests;

/// <summary>
/// The proxy in front of an upstream that answers with what it received: what goes through unchanged (path, query,
/// bearer token, trace context) and what does not (the session cookie). Fast: no services, no database.
/// </summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private WebApplication? _echo;
    private WebApplicationFactory<GatewayMarker>? _gateway;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _echo = builder.Build();
        _echo.Run(async http => await http.Response.WriteAsJsonAsync(new
        {
            path = http.Request.Path.Value + http.Request.QueryString.Value,
            headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        }));
        await _echo.StartAsync(TestContext.Current.CancellationToken);
        var echo = _echo.Urls.First();
        _gateway = new WebApplicationFactory<GatewayMarker>().WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("ReverseProxy:Clusters:register:Destinations:d1:Address", echo + "/"));
    }

    private async Task<JsonElement> ThroughGatewayAsync(HttpRequestMessage request)
    {
        using var http = _gateway!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task path_query_and_bearer_token_go_through_unchanged()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/register/v1/omgevingsdiensten/ODG?peildatum=2024-11-01");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "een.token.van-de-client");

        var seen = await ThroughGatewayAsync(request);

        Assert.Equal("/register/v1/omgevingsdiensten/ODG?peildatum=2024-11-01", seen.GetProperty("path").GetString());
        Assert.Equal("Bearer een.token.van-de-client", seen.GetProperty("headers").GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task the_trace_context_is_propagated()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/register/v1/omgevingsdiensten");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var seen = await ThroughGatewayAsync(request);

        // The same trace; the parent is the gateway's own span (or the caller's when the gateway records none).
        var traceparent = seen.GetProperty("headers").GetProperty("traceparent").GetString()!;
        Assert.Equal(traceId.ToString(), traceparent.Split('-')[1]);
    }

    [Fact]
    public async Task cookies_do_not_go_upstream_and_no_token_is_made_up()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/register/v1/omgevingsdiensten");
        request.Headers.Add("Cookie", "robuustod-sessie=onbekend; ander=1");

        var seen = await ThroughGatewayAsync(request);

        var headers = seen.GetProperty("headers");
        Assert.False(headers.TryGetProperty("cookie", out _));
        // An unknown session is no session: nothing is attached.
        Assert.False(headers.TryGetProperty("authorization", out _));
    }

    [Fact]
    public async Task an_unknown_path_is_a_problem_not_an_upstream_call()
    {
        using var http = _gateway!.CreateClient();

        using var response = await http.GetAsync(new Uri("/registers/v1/omgevingsdiensten", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_echo is not null)
        {
            await _echo.DisposeAsync();
        }
    }
}
