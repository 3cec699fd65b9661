using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.DevIdentity.Tests;

/// <summary>
/// A resource server configured the way the services are (JwtBearer, Authority = this provider, plain HTTP)
/// accepts the tokens and sees the claims under their own names.
/// </summary>
public sealed class ResourceServerTests(DevIdentityFactory identity) : IClassFixture<DevIdentityFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OdTokenPassesRoleCheckAndCarriesOdCode()
    {
        await using var api = await StartResourceServerAsync();
        var token = await identity.CreateClient().GetAccessTokenAsync("od-ODG", Ct);

        using var answer = await CallAsync(api, token);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("od-ODG ODG", await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OtherRoleIsForbidden()
    {
        await using var api = await StartResourceServerAsync();
        var token = await identity.CreateClient().GetAccessTokenAsync("ienw", Ct);

        using var answer = await CallAsync(api, token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task TamperedTokenIsUnauthorized()
    {
        await using var api = await StartResourceServerAsync();
        var token = await identity.CreateClient().GetAccessTokenAsync("od-ODG", Ct);
        var parts = token.Split('.');
        var forged = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(
            Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace("\"ODG\"", "\"DCMR\"", StringComparison.Ordinal));

        using var answer = await CallAsync(api, $"{parts[0]}.{forged}.{parts[2]}");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    private static async Task<HttpResponseMessage> CallAsync(WebApplication api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/od-only");
        request.Headers.Authorization = new("Bearer", token);
        return await api.GetTestClient().SendAsync(request, Ct);
    }

    private async Task<WebApplication> StartResourceServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            options.Authority = "http://localhost/";
            options.RequireHttpsMetadata = false;
            options.Audience = DevIdentityFactory.Audience;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.RoleClaimType = "role";
            options.BackchannelHttpHandler = identity.Server.CreateHandler();
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.MapGet("/od-only", (ClaimsPrincipal user) => $"{user.FindFirstValue("sub")} {user.FindFirstValue("od")}")
            .RequireAuthorization(policy => policy.RequireRole("od"));
        await app.StartAsync(Ct);
        return app;
    }
}
