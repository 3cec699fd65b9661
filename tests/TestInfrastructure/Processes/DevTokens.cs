using System.Net.Http.Json;
using System.Text.Json;

namespace RobuustOD.TestInfrastructure.Processes;

/// <summary>Client-credentials tokens from the development identity provider running as a process, one per client id.</summary>
public sealed class DevTokens(Uri identity)
{
    private readonly Dictionary<string, string> _tokens = [];

    public async Task<string> TokenAsync(string clientId, CancellationToken ct)
    {
        if (_tokens.TryGetValue(clientId, out var cached))
        {
            return cached;
        }

        using var http = new HttpClient { BaseAddress = identity };
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", "robuustod-dev"),
        ]);
        using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), form, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return response.IsSuccessStatusCode
            ? _tokens[clientId] = body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"Token request for {clientId} failed: {body}");
    }
}
