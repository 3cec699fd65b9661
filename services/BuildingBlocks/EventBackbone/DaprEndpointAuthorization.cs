using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RobuustOD.EventBackbone;

/// <summary>
/// Who may call a service's event endpoints (<c>/dapr/subscribe</c> and the topic routes, everything the Dapr app
/// channel calls): whoever presents the app API token as <c>dapr-api-token</c> — the Dapr sidecar (daprd sends its
/// <c>APP_API_TOKEN</c>), or in standalone mode the publisher's forwarder, which sends the same token. Nobody else:
/// not a caller on the loopback interface, not a bearer token. A service without a configured token refuses every call.
/// </summary>
public sealed class DaprEndpointAuthorization(IOptions<EventingOptions> options, IHttpContextAccessor accessor)
    : AuthorizationHandler<DaprEndpointAuthorization.Requirement>
{
    public const string Policy = "dapr";
    public const string TokenHeader = "dapr-api-token";

    public sealed class Requirement : IAuthorizationRequirement;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (accessor.HttpContext is { } http && Presents(http, options.Value.AppApiToken))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>True when the request carries exactly <paramref name="expected"/> (which must be set) as its token.</summary>
    public static bool Presents(HttpContext http, string? expected)
    {
        if (!EventingOptions.IsToken(expected) || http.Request.Headers[TokenHeader] is not { Count: 1 } values)
        {
            return false;
        }

        // Constant time, also in the length: compare fixed-size digests rather than the strings themselves.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(values[0] ?? "")),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>
    /// A refused call to an event endpoint is an RFC 9457 problem, never a Dapr status, so that neither daprd nor the
    /// standalone forwarder takes it for an acknowledgement: both retry a 401/403 (only 2xx and 404 end a delivery).
    /// 401 when a token is configured but missing or wrong; 403 when the service has none, so no token could help.
    /// Other policies keep the framework's behaviour (bearer challenge or forbid).
    /// </summary>
    public sealed class RefusalAsProblem(IOptions<EventingOptions> options) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Succeeded || !policy.Requirements.OfType<Requirement>().Any())
            {
                await _default.HandleAsync(next, context, policy, authorizeResult);
                return;
            }

            var configured = EventingOptions.IsToken(options.Value.AppApiToken);
            if (configured)
            {
                // RFC 9110: a 401 names the scheme that would be accepted.
                context.Response.Headers.WWWAuthenticate = TokenHeader;
            }

            await TypedResults.Problem(
                statusCode: configured ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                title: configured ? "Geen geldig app-API-token" : "Deze dienst neemt geen gebeurtenissen aan",
                detail: configured
                    ? $"Alleen de Dapr-sidecar (of in standalone-modus de forwarder van de publicerende dienst) mag deze route aanroepen, met het app-API-token in de header {TokenHeader}."
                    : "Deze dienst heeft geen app-API-token (APP_API_TOKEN of Eventing:AppApiToken) en weigert daarom elke aflevering van gebeurtenissen.")
                .ExecuteAsync(context);
        }
    }
}
