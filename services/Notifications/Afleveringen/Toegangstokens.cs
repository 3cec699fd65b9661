using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// The <c>Authorization</c> value for a subscriber: none, its static value, or an OAuth 2.0 client-credentials token from
/// the token endpoint it named (fetched through the same SSRF-checked client, cached until shortly before it expires).
/// </summary>
public sealed class Toegangstokens(BestemmingsClient client, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string Waarde, DateTimeOffset Tot)> _cache = new(StringComparer.Ordinal);

    public async Task<string?> AuthorizationAsync(string sleutel, Instellingen instellingen, Abonnementsgeheim geheim, CancellationToken ct)
    {
        switch (instellingen.Authenticatie)
        {
            case Authenticatiesoort.Statisch:
                return geheim.Authorization;
            case Authenticatiesoort.Oauth2 when instellingen.OAuth2 is { } oauth:
                if (_cache.TryGetValue(sleutel, out var token) && token.Tot > clock.GetUtcNow())
                {
                    return token.Waarde;
                }

                var nieuw = await HaalAsync(oauth, geheim.OAuth2ClientSecret ?? "", ct);
                _cache[sleutel] = nieuw;
                return nieuw.Waarde;
            default:
                return null;
        }
    }

    /// <summary>The subscriber refused the token (401): fetch a new one next time.</summary>
    public void Vergeet(string sleutel) => _cache.TryRemove(sleutel, out _);

    private async Task<(string Waarde, DateTimeOffset Tot)> HaalAsync(OAuth2Client oauth, string secret, CancellationToken ct)
    {
        var uri = new Uri(oauth.TokenUrl);
        if (await client.BeoordeelAsync(uri, ct) is { } reden)
        {
            throw new BestemmingGeweigerdException($"tokenUrl: {reden}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (oauth.Scope is { Length: > 0 } scope)
        {
            form["scope"] = scope;
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(oauth.ClientId)}:{Uri.EscapeDataString(secret)}")));
        using var response = await client.Http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"het tokenendpoint antwoordde {(int)response.StatusCode}", null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var accessToken = json.RootElement.GetProperty("access_token").GetString()
            ?? throw new HttpRequestException("het tokenendpoint gaf geen access_token");
        var geldig = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 300;
        return ($"Bearer {accessToken}", clock.GetUtcNow().AddSeconds(Math.Max(0, geldig - 30)));
    }
}
