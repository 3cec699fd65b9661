using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RobuustOD.HttpDefaults;

namespace RobuustOD.EventStore;

/// <summary>
/// A request a service answers once at start-up, in process, to warm what its first client request pays for:
/// the endpoint's binding and JSON (de)serializers, its validation filter and validator, the feature's handler up to
/// the decision, the problem writer. It must not change anything: name a stream key that cannot exist
/// (<see cref="EventStoreWarmUp.Key"/>), so that the feature stops at its 404 before it appends, or a body the
/// validator refuses.
/// </summary>
/// <param name="Endpoint">The endpoint's name (its operationId).</param>
/// <param name="Role">The role the caller acts in (the endpoint's own delegate is called: the policy is not checked).</param>
/// <param name="Query">The query string, with its "?" (a list's paging).</param>
public sealed record WarmUpRequest(string Endpoint, string Role, IReadOnlyDictionary<string, string> Route, string? JsonBody = null,
    string? Query = null);

public static partial class EndpointWarmUp
{
    /// <summary>Answers each request once after the start (after the event store's warm-up, in the same readiness gate).</summary>
    public static IServiceCollection WarmUpRequests(this IServiceCollection services, params WarmUpRequest[] requests)
    {
        if (!BuildTime.IsGeneratingOpenApi)
        {
            var gate = services.AddWarmUpGate();
            services.AddSingleton<IHostedService>(sp => new Runner(sp, gate, requests));
        }

        return services;
    }

    private sealed class Runner(IServiceProvider services, EventStoreWarmUp.Gate gate, WarmUpRequest[] requests) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            gate.Begin();
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted
                .Register(() => _ = Task.Run(WarmAsync, CancellationToken.None));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private async Task WarmAsync()
        {
            try
            {
                // The event store first: the handler's fetch then finds Marten's generated code in place.
                await gate.StreamsWarmAsync();
                await ValidateTokenAsync();
                var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
                foreach (var request in requests)
                {
                    await AnswerAsync(endpoints, request);
                }

                await SendOverHttpAsync();
            }
            finally
            {
                gate.End();
            }
        }

        /// <summary>
        /// The first client's token is validated against the issuer's keys (fetched at start by the signing keys' warm-up):
        /// validating a token signed with a key of its own runs the same parsing and signature checks, and fails.
        /// </summary>
        private async Task ValidateTokenAsync()
        {
            try
            {
                var jwt = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
                if (jwt.ConfigurationManager is null || jwt.TokenHandlers is not [var handler, ..])
                {
                    return;
                }

                // The keys are being fetched since the start; an issuer that does not answer soon does not hold up readiness.
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                var issuer = await jwt.ConfigurationManager.GetConfigurationAsync(wait.Token);
                var parameters = jwt.TokenValidationParameters.Clone();
                parameters.ValidIssuer = issuer.Issuer;
                parameters.IssuerSigningKeys = issuer.SigningKeys;
                using var rsa = RSA.Create(2048);
                var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = issuer.Issuer,
                    Audience = jwt.Audience,
                    Claims = new Dictionary<string, object> { ["sub"] = "warm-up", ["role"] = "warm-up" },
                    SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "warm-up" }, SecurityAlgorithms.RsaSha256),
                });
                await handler.ValidateTokenAsync(token, parameters);
            }
#pragma warning disable CA1031 // Best effort, as the signing keys' own warm-up: the first request does it otherwise.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogAnswered(services.GetRequiredService<ILogger<Runner>>(), "token validation", ex.GetType().Name + ": " + ex.Message);
            }
        }

        /// <summary>
        /// The same requests once more through the server and the whole middleware pipeline (connection, parsing, the
        /// problem writer, CORS, authentication, authorization, the ADR headers), which the in-process calls skip:
        /// without a token, so a read of public data stops at its 404 and anything else at its 401. Only where the
        /// service listens on a loopback-reachable address (not under the in-memory test server).
        /// </summary>
        private async Task SendOverHttpAsync()
        {
            if (LoopbackAddress(services.GetRequiredService<IServer>()) is not { } address)
            {
                return;
            }

            var links = services.GetRequiredService<LinkGenerator>();
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            foreach (var request in requests)
            {
                var path = links.GetPathByName(request.Endpoint, new RouteValueDictionary(request.Route.ToDictionary(r => r.Key, r => (object?)r.Value)));
                if (path is null)
                {
                    continue;
                }

                try
                {
                    using var message = new HttpRequestMessage(new HttpMethod(MethodOf(request)), path + request.Query);
                    if (request.JsonBody is { } body)
                    {
                        message.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using var response = await http.SendAsync(message);
                    LogAnswered(services.GetRequiredService<ILogger<Runner>>(), request.Endpoint + " over HTTP", $"{(int)response.StatusCode}");
                }
#pragma warning disable CA1031 // Best effort, as the rest of the warm-up.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogAnswered(services.GetRequiredService<ILogger<Runner>>(), request.Endpoint + " over HTTP", ex.GetType().Name + ": " + ex.Message);
                }
            }
        }

        private string MethodOf(WarmUpRequest request) =>
            services.GetRequiredService<EndpointDataSource>().Endpoints
                .FirstOrDefault(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == request.Endpoint)?
                .Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var method, ..] ? method : HttpMethods.Get;

        /// <summary>The server's first http address with a wildcard host made 127.0.0.1; null without one (the test server).</summary>
        private static Uri? LoopbackAddress(IServer server)
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
                .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
            if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                    .Replace("://*", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return null;
            }

            var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
            return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
        }

        private async Task AnswerAsync(List<RouteEndpoint> endpoints, WarmUpRequest request)
        {
            var logger = services.GetRequiredService<ILogger<Runner>>();
            try
            {
                var endpoint = endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == request.Endpoint);
                await using var scope = services.CreateAsyncScope();
                var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
                http.Request.Method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var method, ..] ? method : HttpMethods.Get;
                http.Request.Scheme = "http";
                http.Request.Host = new HostString("localhost");
                http.Request.QueryString = new QueryString(request.Query);
                foreach (var (name, value) in request.Route)
                {
                    http.Request.RouteValues[name] = value;
                }

                if (request.JsonBody is { } body)
                {
                    var bytes = Encoding.UTF8.GetBytes(body);
                    http.Request.ContentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var type, ..] ? type : "application/json";
                    http.Request.ContentLength = bytes.Length;
                    http.Request.Body = new MemoryStream(bytes);
                    http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
                }

                http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "warm-up"), new Claim("role", request.Role)], "warm-up", "sub", "role"));
                http.SetEndpoint(endpoint);
                await endpoint.RequestDelegate!(http);
                LogAnswered(logger, request.Endpoint, $"{http.Response.StatusCode}");
            }
#pragma warning disable CA1031 // The expected end of a warm-up request is the feature's 404; nothing else may stop the start either.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogAnswered(logger, request.Endpoint, ex.GetType().Name + ": " + ex.Message);
            }
        }
    }

    /// <summary>Minimal APIs bind a body only when the server says the request can have one.</summary>
    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warm-up request {Endpoint} ended with {Outcome}")]
    private static partial void LogAnswered(ILogger logger, string endpoint, string outcome);
}
