using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RobuustOD.EventBackbone;

/// <summary>
/// Who may call a service's event endpoints (<c>/dapr/subscribe</c> and the topic routes): its Dapr
/// sidecar, proven by the app API token (<c>dapr-api-token</c>), or — when no token is configured —
/// a caller on the loopback interface (the sidecar, or the standalone forwarder on the same machine).
/// </summary>
public sealed class DaprEndpointAuthorization(IOptions<EventingOptions> options, IHttpContextAccessor accessor)
    : AuthorizationHandler<DaprEndpointAuthorization.Requirement>
{
    public const string Policy = "dapr";
    public const string TokenHeader = "dapr-api-token";

    public sealed class Requirement : IAuthorizationRequirement;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (accessor.HttpContext is { } http && IsSidecar(http))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool IsSidecar(HttpContext http)
    {
        if (options.Value.AppApiToken is { Length: > 0 } expected)
        {
            var presented = http.Request.Headers[TokenHeader].ToString();
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
        }

        // The in-memory test server has no remote address; real connections do.
        return http.Connection.RemoteIpAddress is null || IPAddress.IsLoopback(http.Connection.RemoteIpAddress);
    }
}
