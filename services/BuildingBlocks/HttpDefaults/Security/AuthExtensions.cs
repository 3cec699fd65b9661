using System.Security.Claims;
using RobuustOD.Domain;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.HttpDefaults.Security;

public static class AuthExtensions
{
    /// <summary>
    /// OAuth 2.0 bearer tokens (signed JWTs), validated the same way everywhere: against the
    /// discovery document and keys of the issuer named in <c>Auth:Authority</c>.
    /// </summary>
    public static WebApplicationBuilder AddRobuustAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Auth");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = section["Authority"];
                options.Audience = section["Audience"] ?? "robuustod";
                options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "sub";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.TokenValidationParameters.ValidAlgorithms = ["RS256", "PS256"];
            });

        if (!BuildTime.IsGeneratingOpenApi)
        {
            builder.Services.AddHostedService<SigningKeysWarmUp>();
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Publiek, policy => policy.RequireAssertion(_ => true))
            .AddPolicy(Policies.Ienw, policy => policy.RequireRole(Roles.Ienw))
            .AddPolicy(Policies.IenwOfBeoordelaar, policy => policy.RequireRole(Roles.Ienw, Roles.Beoordelaar))
            .AddPolicy(Policies.IenwOfOd, policy => policy.RequireRole(Roles.Ienw, Roles.Od))
            .AddPolicy(Policies.Ingelogd, policy => policy.RequireRole(
                Roles.Ienw, Roles.Beoordelaar, Roles.Od, Roles.Odnl, Roles.Ipo, Roles.Vng));
        // No fallback policy: it would also guard the framework's 405 endpoint. Instead a test asserts
        // that every endpoint of every service names its policy.
        return builder;
    }

    /// <summary>The caller's identity for audit trails: the token's subject (client id).</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue("client_id") ?? "anoniem";

    /// <summary>The act of this caller now: who (for the history) and when, as every command carries it.</summary>
    public static Handeling Handeling(this ClaimsPrincipal user, TimeProvider clock) => new(user.Actor(), clock.GetUtcNow());

    /// <summary>The OD code an <c>od</c> token acts for; null for other roles.</summary>
    public static string? OdCode(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Od) ? user.FindFirstValue(Roles.OdClaim) : null;
}
