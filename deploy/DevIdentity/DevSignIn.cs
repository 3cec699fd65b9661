using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RobuustOD.DevIdentity;

/// <summary>
/// Sign-in for people (the dashboard): the authorization code flow with PKCE (the dashboard a confidential client with the development secret), where the "login" is a page on which a
/// developer picks a development user (ienw, beoordelaar, odnl, ipo, vng, od-CODE). The user's access token carries
/// the same claims as that client's client-credentials token, so the APIs decide exactly as they do for the client.
/// </summary>
public static class DevSignIn
{
    /// <summary>The dashboard (the gateway's backend-for-frontend): its secret, PKCE and an exact redirect URI.</summary>
    public const string DashboardClientId = "robuustod-dashboard";

    /// <summary>The form field on the sign-in page that names the chosen development user.</summary>
    public const string UserField = "gebruiker";

    private static readonly string[] FixedUsers = ["ienw", "beoordelaar", "odnl", "ipo", "vng"];

    public static OpenIddictServerBuilder AddDevSignIn(this OpenIddictServerBuilder server) =>
        server
            .SetAuthorizationEndpointUris("connect/authorize")
            .AllowAuthorizationCodeFlow()
            .RequireProofKeyForCodeExchange()
            // S256 only: a "plain" challenge is the verifier itself, which protects nothing once it is seen.
            .Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain))
            .AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseSingletonHandler<ValidateDashboardAuthorization>());

    /// <summary>The authorize endpoint: the user picker, and the sign-in once a user is picked.</summary>
    public static void MapDevSignIn(this WebApplication app) =>
        app.MapMethods("connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);

    private static async Task<IResult> AuthorizeAsync(HttpContext http, IOptions<DevIdentityOptions> options, IHttpClientFactory clients)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing on the authorize endpoint.");
        var ods = await OdCodesAsync(options.Value, clients, http.RequestAborted);
        var chosen = (string?)request.GetParameter(UserField);
        if (string.IsNullOrWhiteSpace(chosen) || !HttpMethods.IsPost(http.Request.Method))
        {
            return Results.Content(PickerPage(request, ods, error: null), "text/html; charset=utf-8");
        }

        var user = DevClients.Parse(chosen.Trim());
        // Only the register's spelling of an OD code (as for od-CODE tokens); without a register any well-formed code.
        if (user is null || (user.OdCode is not null && ods is not null && !ods.Contains(user.OdCode, StringComparer.Ordinal)))
        {
            return Results.Content(PickerPage(request, ods, $"Onbekende gebruiker '{chosen}'."), "text/html; charset=utf-8",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, DevClients.RoleClaim);
        identity.SetClaim(Claims.Subject, user.ClientId)
            .SetClaim(Claims.Name, user.ClientId)
            .SetClaim(DevClients.RoleClaim, user.Role);
        if (user.OdCode is not null)
        {
            identity.SetClaim(DevClients.OdClaim, user.OdCode);
        }

        identity.SetResources(options.Value.Audience);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The OD codes as the register spells them, or null without a register (or when it cannot be reached).</summary>
    private static async Task<IReadOnlyList<string>?> OdCodesAsync(DevIdentityOptions options, IHttpClientFactory clients, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.RegisterUrl))
        {
            return null;
        }

        try
        {
            var http = clients.CreateClient(DevClients.RegisterHttpClient);
            var codes = new List<string>();
            for (var pagina = 1; pagina <= 10; pagina++)
            {
                var url = new Uri(new Uri(options.RegisterUrl), $"/register/v1/omgevingsdiensten?paginaGrootte=100&pagina={pagina}");
                using var response = await http.GetAsync(url, ct);
                if (!response.IsSuccessStatusCode)
                {
                    return codes.Count > 0 ? codes : null;
                }

                using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                var items = body.RootElement.TryGetProperty("omgevingsdiensten", out var list) ? list.EnumerateArray().ToList() : [];
                codes.AddRange(items.Select(i => i.GetProperty("code").GetString()!));
                if (items.Count < 100)
                {
                    break;
                }
            }

            return codes;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static string PickerPage(OpenIddictRequest request, IReadOnlyList<string>? ods, string? error)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (name != UserField)
            {
                hidden.Append($"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E((string?)value)}\">");
            }
        }

        var buttons = new StringBuilder();
        foreach (var user in FixedUsers)
        {
            buttons.Append($"<li><button type=\"submit\" name=\"{UserField}\" value=\"{user}\">{user}</button></li>");
        }

        var odPart = ods is null
            ? $"<p><label for=\"od\">Omgevingsdienst (od-CODE)</label> <input id=\"od\" name=\"{UserField}\" placeholder=\"od-ODG\"> <button type=\"submit\">Aanmelden</button></p>"
            : "<ul class=\"ods\">" + string.Concat(ods.Select(c => $"<li><button type=\"submit\" name=\"{UserField}\" value=\"od-{E(c)}\">od-{E(c)}</button></li>")) + "</ul>";
        return $$"""
            <!doctype html>
            <html lang="nl"><head><meta charset="utf-8"><title>Aanmelden (ontwikkeling)</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#111}ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
            button{font-size:1rem;padding:.4rem .8rem}.fout{color:#a00000}</style></head>
            <body><main>
            <h1>Aanmelden bij RobuustOD (ontwikkelomgeving)</h1>
            <p>Dit is de identity provider voor ontwikkeling: kies een ontwikkelgebruiker. Zijn rol bepaalt wat de API's laten zien.</p>
            {{(error is null ? "" : $"<p class=\"fout\" role=\"alert\">{E(error)}</p>")}}
            <form method="post" action="/connect/authorize">{{hidden}}
            <h2>Rollen</h2><ul>{{buttons}}</ul>
            <h2>Omgevingsdiensten</h2>{{odPart}}
            </form></main></body></html>
            """;
    }

    /// <summary>In degraded mode nothing checks client and redirect URI of an authorization request: this does.</summary>
    public sealed class ValidateDashboardAuthorization(IOptions<DevIdentityOptions> options) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
    {
        public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
        {
            if (!string.Equals(context.ClientId, DashboardClientId, StringComparison.Ordinal))
            {
                context.Reject(Errors.InvalidClient, "Only the dashboard signs people in.");
                return ValueTask.CompletedTask;
            }

            if (!options.Value.RedirectUris.Contains(context.RedirectUri ?? "", StringComparer.Ordinal))
            {
                context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for the dashboard (DevIdentity:RedirectUris).");
                return ValueTask.CompletedTask;
            }

            context.SetRedirectUri(context.RedirectUri!);
            return ValueTask.CompletedTask;
        }
    }
}
