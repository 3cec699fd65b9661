using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RobuustOD.DevIdentity;

namespace RobuustOD.TestInfrastructure.Services;

/// <summary>
/// The development identity provider, in memory. Services under test validate its tokens the
/// production way: discovery document and keys, fetched over (in-memory) HTTP.
/// </summary>
public sealed class DevIdentityServer : WebApplicationFactory<DevIdentityMarker>
{
    public const string Secret = "robuustod-dev";
    public const string Authority = "http://localhost";

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

    public async Task<string> TokenAsync(string clientId, CancellationToken ct)
    {
        if (_tokens.TryGetValue(clientId, out var cached))
        {
            return cached;
        }

        using var http = CreateClient();
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", Secret),
        ]);
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request for {clientId} failed: {body}");
        }

        return _tokens[clientId] = body.GetProperty("access_token").GetString()!;
    }

    public async Task AuthorizeAsync(HttpClient client, string clientId, CancellationToken ct) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, ct));
}
