using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RobuustOD.DevIdentity.Tests;

/// <summary>The dev identity provider in memory, in the only environment it agrees to run in.</summary>
public sealed class DevIdentityFactory : WebApplicationFactory<DevIdentityMarker>
{
    public const string Audience = "robuustod";
    public const string Secret = "robuustod-dev";

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
}

internal static class TokenRequests
{
    /// <summary>A client-credentials request with the credentials in the form (client_secret_post).</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsync(
        this HttpClient http, string clientId, string secret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", secret),
        ]);
        return await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, cancellationToken);
    }

    public static async Task<string> GetAccessTokenAsync(
        this HttpClient http, string clientId, CancellationToken cancellationToken)
    {
        using var response = await http.RequestTokenAsync(clientId, DevIdentityFactory.Secret, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"token request for {clientId} failed: {body}");
        return body.GetProperty("access_token").GetString()!;
    }
}
