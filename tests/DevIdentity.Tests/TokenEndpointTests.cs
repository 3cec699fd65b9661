using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RobuustOD.DevIdentity.Tests;

public sealed class TokenEndpointTests(DevIdentityFactory factory) : IClassFixture<DevIdentityFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ienw", "ienw", null)]
    [InlineData("beoordelaar", "beoordelaar", null)]
    [InlineData("odnl", "odnl", null)]
    [InlineData("ipo", "ipo", null)]
    [InlineData("vng", "vng", null)]
    [InlineData("od-ODG", "od", "ODG")]
    [InlineData("od-ODVeluwe", "od", "ODVeluwe")]
    [InlineData("od-DCMR", "od", "DCMR")]
    public async Task IssuesSignedJwtWithClientClaims(string clientId, string role, string? odCode)
    {
        var http = factory.CreateClient();

        var accessToken = await http.GetAccessTokenAsync(clientId, Ct);
        var (token, validation) = await ValidateAgainstDiscoveryAsync(http, accessToken);

        Assert.True(validation.IsValid, validation.Exception?.ToString());
        Assert.Equal(SecurityAlgorithms.RsaSha256, token.Alg);
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
        Assert.Equal([DevIdentityFactory.Audience], token.Audiences);

        // The raw payload, to pin the claim names and shapes that resource servers see.
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement;
        Assert.Equal(clientId, payload.GetProperty("sub").GetString());
        Assert.Equal(clientId, payload.GetProperty("client_id").GetString());
        Assert.Equal(role, payload.GetProperty("role").GetString());
        if (odCode is null)
        {
            Assert.False(payload.TryGetProperty("od", out _));
        }
        else
        {
            Assert.Equal(odCode, payload.GetProperty("od").GetString());
        }
    }

    [Fact]
    public async Task AcceptsCredentialsInBasicAuthorizationHeader()
    {
        var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"ipo:{DevIdentityFactory.Secret}")));

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RejectsWrongSecretAsInvalidClient()
    {
        var http = factory.CreateClient();

        using var response = await http.RequestTokenAsync("ienw", "not-the-secret", Ct);

        await AssertInvalidClientAsync(response);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("IENW")]
    [InlineData("OD-ODG")]
    [InlineData("od")]
    [InlineData("od-")]
    [InlineData("od-O")]
    [InlineData("od-1ODG")]
    [InlineData("od-OD-G")]
    [InlineData("od-OD G")]
    [InlineData("od-ODG\n")]
    [InlineData("od-ÖDG")]
    [InlineData("od-ABCDEFGHIJKLMNOPQRSTU")]
    public async Task RejectsUnknownOrMalformedClientIdAsInvalidClient(string clientId)
    {
        var http = factory.CreateClient();

        using var response = await http.RequestTokenAsync(clientId, DevIdentityFactory.Secret, Ct);

        await AssertInvalidClientAsync(response);
    }

    [Fact]
    public async Task AcceptsLongestWellFormedOdCode()
    {
        var http = factory.CreateClient();

        using var response = await http.RequestTokenAsync("od-ABCDEFGHIJKLMNOPQRST", DevIdentityFactory.Secret, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefusesOtherGrantTypes()
    {
        var http = factory.CreateClient();
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "password"),
            new("username", "ienw"),
            new("password", DevIdentityFactory.Secret),
            new("client_id", "ienw"),
            new("client_secret", DevIdentityFactory.Secret),
        ]);

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task DiscoveryPointsAtTokenEndpointAndKeys()
    {
        var http = factory.CreateClient();

        var config = await GetDiscoveryAsync(http);

        Assert.Equal("http://localhost/", config.Issuer);
        Assert.Equal("http://localhost/connect/token", config.TokenEndpoint);
        // Client credentials for systems, the authorization code (with PKCE) for people signing in to the dashboard.
        Assert.Equal(["client_credentials", "authorization_code"], config.GrantTypesSupported);
        Assert.Equal("http://localhost/connect/authorize", config.AuthorizationEndpoint);
        Assert.Equal(["S256"], config.CodeChallengeMethodsSupported);
        var key = Assert.Single(config.JsonWebKeySet.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.Equal("sig", key.Use);
    }

    [Fact]
    public async Task LivenessAnswersHealthy()
    {
        var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertInvalidClientAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    private static Task<OpenIdConnectConfiguration> GetDiscoveryAsync(HttpClient http) =>
        OpenIdConnectConfigurationRetriever.GetAsync(
            "http://localhost/.well-known/openid-configuration",
            new HttpDocumentRetriever(http) { RequireHttps = false },
            Ct);

    // What a resource server does: keys and issuer from discovery, nothing shared out of band.
    private static async Task<(JsonWebToken Token, TokenValidationResult Result)> ValidateAgainstDiscoveryAsync(
        HttpClient http, string accessToken)
    {
        var config = await GetDiscoveryAsync(http);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = config.Issuer,
            ValidAudience = DevIdentityFactory.Audience,
            IssuerSigningKeys = config.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
        });
        return (new JsonWebToken(accessToken), result);
    }
}
