using System.Collections.Frozen;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using RobuustOD.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RobuustOD.DevIdentity;

/// <summary>Settings under <c>DevIdentity</c>.</summary>
public sealed class DevIdentityOptions
{
    public const string Section = "DevIdentity";

    /// <summary>The <c>aud</c> of every access token; resource servers check it.</summary>
    public string Audience { get; set; } = "robuustod";

    /// <summary>One secret for every client: this server only stands in for a real identity provider.</summary>
    public string ClientSecret { get; set; } = "robuustod-dev";

    /// <summary>
    /// Base address of the register. When set, <c>od-CODE</c> is accepted only for an omgevingsdienst the register
    /// knows, with CODE spelled as the register spells it (<c>od-odg</c> is refused when the OD is ODG); when empty,
    /// any well-formed code is, so the provider also works without the register running.
    /// </summary>
    public string? RegisterUrl { get; set; }

    /// <summary>
    /// Fixed <c>iss</c>. Empty means "the address the request came in on", which breaks validation when clients
    /// fetch tokens via another host name (localhost vs 127.0.0.1) than the resource servers use as authority.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The redirect URIs of the dashboard (<see cref="DevSignIn.DashboardClientId"/>), matched exactly: where the
    /// authorization code may be sent. The gateway's <c>/signin-oidc</c> on its run command address by default.
    /// </summary>
    public List<string> RedirectUris { get; set; } = [];
}

/// <summary>A client this provider issues tokens to.</summary>
/// <param name="ClientId">As requested, e.g. <c>ienw</c> or <c>od-ODG</c>.</param>
/// <param name="Role">Value of the <c>role</c> claim.</param>
/// <param name="OdCode">Value of the <c>od</c> claim; only for omgevingsdienst clients.</param>
public sealed record DevClient(string ClientId, string Role, string? OdCode);

/// <summary>Which client ids exist, and the token endpoint handlers that enforce that.</summary>
public static partial class DevClients
{
    public const string RoleClaim = Claims.Role;
    public const string OdClaim = "od";
    public const string OdRole = "od";
    public const string RegisterHttpClient = "register";

    private const string OdPrefix = "od-";

    // For these the client id is the role.
    private static readonly FrozenSet<string> FixedClients =
        FrozenSet.Create(StringComparer.Ordinal, "ienw", "beoordelaar", "odnl", "ipo", "vng");

    /// <summary>The client behind <paramref name="clientId"/>, or null when no such client can exist.</summary>
    public static DevClient? Parse(string? clientId)
    {
        if (clientId is null)
        {
            return null;
        }

        if (FixedClients.Contains(clientId))
        {
            return new DevClient(clientId, clientId, null);
        }

        // A second person of a fixed role (e.g. odnl-2), for rules that need two different people of one role (the
        // subsidy's four-eyes principle): same role, own subject.
        if (PersonPattern().Match(clientId) is { Success: true } persoon && FixedClients.Contains(persoon.Groups[1].Value))
        {
            return new DevClient(clientId, persoon.Groups[1].Value, null);
        }

        if (clientId.StartsWith(OdPrefix, StringComparison.Ordinal))
        {
            // The code goes into a register URL and into tokens as-is, so only the register's own code shape passes.
            var code = clientId[OdPrefix.Length..];
            return OdCodePattern().IsMatch(code) ? new DevClient(clientId, OdRole, code) : null;
        }

        return null;
    }

    /// <summary>Registers the handlers that replace OpenIddict's store-based client checks (degraded mode).</summary>
    public static OpenIddictServerBuilder AddDevClients(this OpenIddictServerBuilder server)
    {
        server.Services.AddHttpClient(RegisterHttpClient, client => client.Timeout = TimeSpan.FromSeconds(5));

        return server
            .AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseSingletonHandler<ValidateDevClient>())
            .AddEventHandler<HandleTokenRequestContext>(handler => handler.UseSingletonHandler<IssueDevClientToken>());
    }

    [GeneratedRegex(@"^([a-z]+)-([a-z0-9]{1,20})\z", RegexOptions.CultureInvariant)]
    private static partial Regex PersonPattern();

    // \z rather than $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{1,19}\z", RegexOptions.CultureInvariant)]
    private static partial Regex OdCodePattern();

    /// <summary>Authenticates the client; in degraded mode nothing else does.</summary>
    public sealed class ValidateDevClient(
        IOptions<DevIdentityOptions> options,
        IHttpClientFactory httpClients,
        ILogger<ValidateDevClient> logger) : IOpenIddictServerHandler<ValidateTokenRequestContext>
    {
        public async ValueTask HandleAsync(ValidateTokenRequestContext context)
        {
            // The dashboard is a confidential client (a backend-for-frontend on the server): its secret, and the PKCE
            // code_verifier, which OpenIddict checks against the code's challenge, client and redirect URI.
            if (context.Request.IsAuthorizationCodeGrantType())
            {
                if (!string.Equals(context.ClientId, DevSignIn.DashboardClientId, StringComparison.Ordinal)
                    || !SecretMatches(context.ClientSecret, options.Value.ClientSecret))
                {
                    context.Reject(Errors.InvalidClient, "Only the dashboard redeems authorization codes.");
                }

                return;
            }

            var client = Parse(context.ClientId);
            if (client is null || !SecretMatches(context.ClientSecret, options.Value.ClientSecret))
            {
                context.Reject(Errors.InvalidClient, "Unknown client or wrong client secret.");
                return;
            }

            if (client.OdCode is null || string.IsNullOrWhiteSpace(options.Value.RegisterUrl))
            {
                return;
            }

            HttpStatusCode status;
            string? geregistreerd = null;
            try
            {
                var http = httpClients.CreateClient(RegisterHttpClient);
                var url = new Uri(new Uri(options.Value.RegisterUrl), $"/register/v1/omgevingsdiensten/{client.OdCode}");
                using var response = await http.GetAsync(url, context.CancellationToken);
                status = response.StatusCode;
                if (status == HttpStatusCode.OK)
                {
                    geregistreerd = await CodeInAsync(response, context.CancellationToken);
                }
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && !context.CancellationToken.IsCancellationRequested)
            {
                // Not the client's fault: say so instead of pretending the omgevingsdienst does not exist.
                logger.LogWarning(ex, "Register at {RegisterUrl} unreachable while checking {OdCode}", options.Value.RegisterUrl, client.OdCode);
                context.Reject(Errors.ServerError, "The register could not be reached to check the omgevingsdienst.");
                return;
            }

            if (status != HttpStatusCode.OK)
            {
                logger.LogInformation("Register answered {Status} for {OdCode}; refusing {ClientId}", (int)status, client.OdCode, client.ClientId);
                context.Reject(Errors.InvalidClient, "The register does not know this omgevingsdienst.");
                return;
            }

            // Codes are unique regardless of case and kept as registered; every service compares the token's od claim
            // exactly. So the client is od-<the code as the register spells it>: od-odg is refused, not mapped to ODG
            // (its sub would differ from the od claim, and a client that guessed the spelling would never learn it).
            if (!string.Equals(geregistreerd, client.OdCode, StringComparison.Ordinal))
            {
                logger.LogInformation("Register knows {OdCode} as {Registered}; refusing {ClientId}", client.OdCode, geregistreerd, client.ClientId);
                context.Reject(Errors.InvalidClient, OdCode.IsZelfde(geregistreerd, client.OdCode)
                    ? $"The register spells this omgevingsdienst '{geregistreerd}': use the client {OdPrefix}{geregistreerd}."
                    : "The register's answer does not name this omgevingsdienst.");
            }
        }

        /// <summary>The <c>code</c> of the register's answer, or null when it has none.</summary>
        private static async Task<string?> CodeInAsync(HttpResponseMessage response, CancellationToken ct)
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("code", out var code)
                    && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static bool SecretMatches(string? presented, string expected) =>
            presented is not null &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>Builds the access token's identity for a client that passed <see cref="ValidateDevClient"/>.</summary>
    public sealed class IssueDevClientToken(IOptions<DevIdentityOptions> options) : IOpenIddictServerHandler<HandleTokenRequestContext>
    {
        public ValueTask HandleAsync(HandleTokenRequestContext context)
        {
            // A person signed in on the authorize endpoint: the token carries that user's claims, as signed in there.
            if (context.Request.IsAuthorizationCodeGrantType())
            {
                context.SignIn(context.AuthorizationCodePrincipal
                    ?? throw new InvalidOperationException("An authorization code request reached the handler without its principal."));
                return ValueTask.CompletedTask;
            }

            var client = Parse(context.Request.ClientId)
                ?? throw new InvalidOperationException("Token request reached the handler without a validated client.");

            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, RoleClaim);
            identity.SetClaim(Claims.Subject, client.ClientId)
                .SetClaim(Claims.ClientId, client.ClientId)
                .SetClaim(RoleClaim, client.Role);
            if (client.OdCode is not null)
            {
                identity.SetClaim(OdClaim, client.OdCode);
            }

            // OpenIddict turns resources into the access token's aud.
            identity.SetResources(options.Value.Audience);

            // OpenIddict drops every claim without a destination; these are all meant for resource servers.
            identity.SetDestinations(static _ => [Destinations.AccessToken]);

            context.SignIn(new ClaimsPrincipal(identity));
            return ValueTask.CompletedTask;
        }
    }
}
