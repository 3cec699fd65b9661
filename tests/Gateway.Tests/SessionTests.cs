using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using RobuustOD.Gateway.Tests.Platform;

namespace RobuustOD.Gateway.Tests;

/// <summary>
/// Sign-in through the identity provider (authorization code + PKCE) and the backend-for-frontend session: the
/// browser gets a session cookie and HTML, never an access token; the gateway attaches the user's token to the
/// dashboard's reads, and signing out ends the session on the server.
/// </summary>
public sealed partial class SessionTests(DashboardPlatform platform)
{
    // A JWT: three base64url parts, the first two JSON objects ("eyJ" is the start of {").
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    [Fact]
    public async Task a_callback_without_a_valid_state_is_a_400_problem_not_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = await platform.ApiClientAsync(null, ct);
        foreach (var callback in new[] { "/signin-oidc", "/signin-oidc?code=abc&state=xyz", "/signin-oidc?error=access_denied&state=xyz" })
        {
            using var response = await http.GetAsync(new Uri(callback, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("/aanmelden", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task signing_in_gives_a_session_cookie_and_never_an_access_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = new SignedInClient(platform.GatewayAddress);

        var (status, body, url) = await browser.SignInAsync("ienw", "/", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(platform.GatewayAddress.Authority, url.Authority);
        Assert.Contains("Landelijk overzicht", body, StringComparison.Ordinal);
        Assert.Contains("ODG", body, StringComparison.Ordinal);
        // Every response on the way (the gateway's, the identity provider's): no token in a header, cookie or body.
        Assert.All(browser.Seen, r => Assert.DoesNotMatch(Jwt(), r.Headers + r.Body));
        var gatewayResponses = browser.Seen.Where(r => r.Url.Authority == platform.GatewayAddress.Authority).ToList();
        var session = gatewayResponses.SelectMany(r => r.SetCookies)
            .Single(h => h.StartsWith("robuustod-sessie=", StringComparison.Ordinal) && !h.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        // The cookie is only a reference to the server-side session: far too small to carry a ticket with tokens.
        var value = session.Split('=', 2)[1].Split(';')[0];
        Assert.Equal(value, browser.Cookies.GetCookies(platform.GatewayAddress)["robuustod-sessie"]!.Value);
        Assert.InRange(value.Length, 20, 400);
    }

    [Fact]
    public async Task the_gateway_attaches_the_users_token_to_the_dashboards_reads_only()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = new SignedInClient(platform.GatewayAddress);
        await browser.SignInAsync("ienw", "/", ct);

        var (status, letter, _) = await browser.GetAsync("/beoordeling/v1/beoordelingen/ODG-2024/brief", ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Omgevingsdienst Groningen", letter, StringComparison.Ordinal);

        // A write with only the session cookie gets no token: the service answers 401, so no cross-site request can write.
        using var write = new HttpRequestMessage(HttpMethod.Post, "/monitoring/v1/voortgangsrapportages")
        {
            Content = JsonContent.Create(new { omgevingsdienst = "ODG", ronde = "voortgang2" }),
        };
        using var refused = await browser.SendAsync(write, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task signing_out_ends_the_session()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = new SignedInClient(platform.GatewayAddress);
        await browser.SignInAsync("beoordelaar", "/", ct);
        var cookie = browser.Cookies.GetCookies(platform.GatewayAddress)["robuustod-sessie"]!.Value;

        using var signOut = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/afmelden"), ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The old cookie, replayed, finds no session: the next page sends the person to sign in again.
        using var replay = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = platform.GatewayAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"robuustod-sessie={cookie}");
        using var response = await replay.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/connect/authorize", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_od_sees_its_own_drafts_and_another_od_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        using var odg = new SignedInClient(platform.GatewayAddress);
        using var fumo = new SignedInClient(platform.GatewayAddress);

        var (_, own, _) = await odg.SignInAsync("od-ODG", "/omgevingsdiensten/ODG", ct);
        var (_, foreign, _) = await fumo.SignInAsync("od-FUMO", "/omgevingsdiensten/ODG", ct);

        Assert.Contains(platform.OdgDraftReport, own, StringComparison.Ordinal);
        Assert.Contains(platform.OdgDraftRequest!, own, StringComparison.Ordinal);
        Assert.DoesNotContain(platform.OdgDraftReport, foreign, StringComparison.Ordinal);
        Assert.DoesNotContain(platform.OdgDraftRequest!, foreign, StringComparison.Ordinal);
        Assert.Contains("Monitoring: Geen toegang met uw rol.", foreign, StringComparison.Ordinal);
        Assert.Contains("Subsidie: Geen toegang met uw rol.", foreign, StringComparison.Ordinal);

        // And through the proxy directly: the APIs refuse FUMO's session the same way.
        var (report, _, _) = await fumo.GetAsync($"/monitoring/v1/voortgangsrapportages/{platform.OdgDraftReport}", ct);
        var (request, _, _) = await fumo.GetAsync($"/subsidie/v1/aanvragen/{platform.OdgDraftRequest}", ct);
        Assert.Contains(report, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Contains(request, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }
}
