using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Transforms;

namespace RobuustOD.Gateway.Proxy;

/// <summary>
/// YARP in front of every service's API prefix, with routes and upstream addresses from the <c>ReverseProxy</c>
/// section (one route and one cluster per API, named after its prefix). Paths are forwarded unchanged; a client's
/// bearer token passes through as it is; <c>traceparent</c> is propagated by YARP's activity propagation.
/// </summary>
public static class GatewayProxy
{
    /// <summary>Kestrel's own cap, as in the services: a body over a service's limit gets that service's 413.</summary>
    public const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(context => context.AddRequestTransform(AttachSessionTokenAsync));
        builder.Services.AddSingleton<Upstreams>();
        builder.Services.AddHttpClient(Upstreams.HealthClient, c => c.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddHealthChecks().AddCheck<UpstreamHealthCheck>("upstreams", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The backend-for-frontend half of the proxy: a browser call with the dashboard's session cookie (and no token
    /// of its own) goes upstream with the signed-in user's access token. Only for reads (GET, HEAD): the dashboard
    /// only reads, and a cookie that could write would make every API open to cross-site request forgery. The session
    /// cookie itself never goes upstream.
    /// </summary>
    private static async ValueTask AttachSessionTokenAsync(RequestTransformContext context)
    {
        context.ProxyRequest.Headers.Remove("Cookie");
        var http = context.HttpContext;
        if (context.ProxyRequest.Headers.Authorization is not null
            || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var token = await http.GetTokenAsync("access_token");
        if (!string.IsNullOrEmpty(token))
        {
            context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public static void MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy();
        // Anything that is neither an API prefix nor a page of the gateway: a problem, as the services answer.
        app.MapFallback(NotFound).AllowAnonymous();
    }

    private static ProblemHttpResult NotFound(HttpContext http) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Niet gevonden",
        detail: $"Het pad '{http.Request.Path}' hoort bij geen API van RobuustOD; zie /docs voor de API's.");

    public static void MapGatewayHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = UpstreamHealthCheck.WriteAsync,
        }).AllowAnonymous();
    }
}
