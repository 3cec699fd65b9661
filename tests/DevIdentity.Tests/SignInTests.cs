using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace RobuustOD.DevIdentity.Tests;

/// <summary>
/// Sign-in for people: the authorization code flow with PKCE for the dashboard, with a page that picks a
/// development user; the token carries that user's claims.
/// </summary>
public sealed class SignInTests : IClassFixture<DevIdentityFactory>
{
    private const string RedirectUri = "http://127.0.0.1:8080/signin-oidc";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _http;

    public SignInTests(DevIdentityFactory factory) =>
        _http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static List<KeyValuePair<string, string>> Authorize(string challenge, string clientId = DevSignIn.DashboardClientId, string redirectUri = RedirectUri) =>
    [
        new("client_id", clientId),
        new("redirect_uri", redirectUri),
        new("response_type", "code"),
        new("code_challenge", challenge),
        new("code_challenge_method", "S256"),
        new("state", "s1"),
    ];

    private async Task<HttpResponseMessage> PickAsync(string user, string challenge)
    {
        using var form = new FormUrlEncodedContent(Authorize(challenge).Append(new("gebruiker", user)));
        return await _http.PostAsync(new Uri("/connect/authorize", UriKind.Relative), form, Ct);
    }

    private async Task<HttpResponseMessage> RedeemAsync(string code, string verifier, string secret = DevIdentityFactory.Secret)
    {
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", RedirectUri),
            new("code_verifier", verifier),
            new("client_id", DevSignIn.DashboardClientId),
            new("client_secret", secret),
        ]);
        return await _http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, Ct);
    }

    private static string CodeOf(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(RedirectUri + "?", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(redirect.Headers.Location.Query);
        Assert.Equal("s1", query["state"].ToString());
        return query["code"].ToString();
    }

    [Fact]
    public async Task the_authorize_page_lets_a_developer_pick_a_user_per_role()
    {
        var (_, challenge) = Pkce();
        var url = "/connect/authorize?" + string.Join('&', Authorize(challenge).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var user in new[] { "ienw", "beoordelaar", "odnl", "ipo", "vng" })
        {
            Assert.Contains($"value=\"{user}\"", page, StringComparison.Ordinal);
        }

        // Without a register the OD is typed: od-CODE.
        Assert.Contains("placeholder=\"od-ODG\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"code_challenge\" value=\"{challenge}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ienw", "ienw", null)]
    [InlineData("od-ODG", "od", "ODG")]
    public async Task the_picked_user_gets_a_token_with_its_claims_for_the_code_and_verifier(string user, string role, string? od)
    {
        var (verifier, challenge) = Pkce();
        using var redirect = await PickAsync(user, challenge);

        using var response = await RedeemAsync(CodeOf(redirect), verifier);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var token = body.GetProperty("access_token").GetString()!;
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;
        Assert.Equal(user, payload.GetProperty("sub").GetString());
        Assert.Equal(role, payload.GetProperty("role").GetString());
        Assert.Equal(DevIdentityFactory.Audience, payload.GetProperty("aud").GetString());
        Assert.Equal(od, payload.TryGetProperty("od", out var claim) ? claim.GetString() : null);
    }

    [Fact]
    public async Task a_code_is_refused_without_the_right_verifier_or_secret()
    {
        var (verifier, challenge) = Pkce();
        using var first = await PickAsync("ienw", challenge);
        using var second = await PickAsync("ienw", challenge);

        using var wrongVerifier = await RedeemAsync(CodeOf(first), Pkce().Verifier);
        using var wrongSecret = await RedeemAsync(CodeOf(second), verifier, secret: "geraden");

        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", (await wrongVerifier.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
        Assert.True(wrongSecret.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", (await wrongSecret.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("ienw", RedirectUri)]
    [InlineData(DevSignIn.DashboardClientId, "https://elders.example/signin-oidc")]
    public async Task another_client_or_an_unregistered_redirect_uri_is_refused(string clientId, string redirectUri)
    {
        var (_, challenge) = Pkce();
        var url = "/connect/authorize?" + string.Join('&', Authorize(challenge, clientId, redirectUri).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), Ct);

        // Refused on the provider's own page, never redirected to an unregistered address.
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task a_request_without_pkce_is_refused()
    {
        var url = $"/connect/authorize?client_id={DevSignIn.DashboardClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&response_type=code&state=s1";

        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), Ct);

        // No code: the error on the provider's page, or sent back to the client as OAuth allows.
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.Query.Contains("error=invalid_request", StringComparison.Ordinal)),
            response.StatusCode.ToString());
        Assert.DoesNotContain("code=", response.Headers.Location?.Query ?? "", StringComparison.Ordinal);
    }
}
