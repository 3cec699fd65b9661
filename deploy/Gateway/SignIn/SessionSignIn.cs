using System.Buffers.Text;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;

namespace RobuustOD.Gateway.SignIn;

/// <summary>
/// Sign-in for people: the authorization code flow with PKCE against the identity provider (the dashboard a
/// confidential client), and a server-side session behind an HttpOnly, SameSite=Lax cookie (Secure outside
/// Development). The tokens stay on the server (<see cref="MemoryTicketStore"/>); the session ends when the access
/// token does.
/// </summary>
public static class SessionSignIn
{
    public const string CookieName = "robuustod-sessie";
    public const string Scheme = "robuustod";
    public const string SignInPath = "/aanmelden";
    public const string SignOutPath = "/afmelden";
    public const string SignedOutPath = "/afgemeld";
    public const string RoleClaim = "role";
    public const string OdClaim = "od";

    public static WebApplicationBuilder AddSessionSignIn(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(GatewayOptions.Section);
        builder.Services.AddOptions<GatewayOptions>().Bind(settings)
            .Validate(o => Uri.TryCreate(o.IdentityProvider, UriKind.Absolute, out _), "Gateway:IdentityProvider must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ClientSecret), "Gateway:ClientSecret must not be empty.")
            .ValidateOnStart();
        var gateway = settings.Get<GatewayOptions>() ?? new GatewayOptions();
        var development = builder.Environment.IsDevelopment();

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<MemoryTicketStore>();
        builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SessionStoreSetup>();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(1);
                o.SlidingExpiration = false;
                o.LoginPath = SignInPath;
                o.Events.OnValidatePrincipal = EndWithTheTokenAsync;
            })
            .AddOAuth(Scheme, o =>
            {
                var idp = gateway.IdentityProvider.TrimEnd('/');
                o.AuthorizationEndpoint = idp + "/connect/authorize";
                o.TokenEndpoint = idp + "/connect/token";
                o.ClientId = gateway.ClientId;
                o.ClientSecret = gateway.ClientSecret;
                o.CallbackPath = "/signin-oidc";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.Events.OnCreatingTicket = context =>
                {
                    AddClaimsOf(context.AccessToken!, context.Identity!);
                    return Task.CompletedTask;
                };
                // A callback without a valid state or code (a bookmarked or replayed /signin-oidc, a refused sign-in)
                // is the browser's mistake, not the gateway's: 400 with what went wrong, never an unhandled 500.
                o.Events.OnRemoteFailure = async context =>
                {
                    context.HandleResponse();
                    await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Aanmelden mislukt",
                        detail: $"De aanmelding kon niet worden afgerond ({context.Failure?.Message}). Begin opnieuw via {SignInPath}.")
                        .ExecuteAsync(context.HttpContext);
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicy, p => p.RequireAuthenticatedUser());
        return builder;
    }

    public const string DashboardPolicy = "dashboard";

    public static void MapSessionSignIn(this WebApplication app)
    {
        app.MapGet(SignInPath, (string? terug) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrHome(terug) }, [Scheme])).AllowAnonymous();
        // POST only: a link or an image elsewhere cannot sign someone out, and SameSite=Lax keeps other sites' forms out.
        app.MapPost(SignOutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(SignedOutPath);
        }).AllowAnonymous().DisableAntiforgery();
    }

    private static string LocalOrHome(string? path) =>
        path is { Length: > 0 } && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\') ? path : "/";

    /// <summary>
    /// The user's claims are those of the access token, which the dashboard received straight from the token endpoint
    /// (its back channel), so it reads them without validating the signature; the APIs validate the token themselves.
    /// </summary>
    private static void AddClaimsOf(string accessToken, ClaimsIdentity identity)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3)
        {
            return;
        }

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        foreach (var (claim, type) in new[] { ("sub", ClaimTypes.NameIdentifier), ("sub", ClaimTypes.Name), ("role", RoleClaim), ("od", OdClaim), ("exp", "exp") })
        {
            if (payload.RootElement.TryGetProperty(claim, out var value))
            {
                identity.AddClaim(new Claim(type, value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString() ?? ""));
            }
        }
    }

    /// <summary>A session whose access token has expired is over: the next page signs in again.</summary>
    private static async Task EndWithTheTokenAsync(CookieValidatePrincipalContext context)
    {
        var expires = context.Properties.GetTokenValue("expires_at");
        if (expires is not null && DateTimeOffset.TryParse(expires, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var at) && at <= DateTimeOffset.UtcNow.AddSeconds(30))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
