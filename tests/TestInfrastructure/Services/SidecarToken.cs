using System.Security.Cryptography;

namespace RobuustOD.TestInfrastructure.Services;

/// <summary>
/// The Dapr app API token of this test run: random, generated once per test process, given to every service a
/// <see cref="ServiceFactory{TService}"/> starts (<c>Eventing:AppApiToken</c>), so that a publisher's standalone
/// forwarder and its subscribers share it the way the app host's services do. Tests that play the Dapr sidecar send
/// it as <see cref="Header"/>; it never appears in a URL or in test output.
/// </summary>
public static class SidecarToken
{
    /// <summary>The header daprd sends the token in (its <c>APP_API_TOKEN</c>) on every call to its app.</summary>
    public const string Header = "dapr-api-token";

    public static string PerRun { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Adds the token to every request of <paramref name="client"/>, as daprd does; returns the client.</summary>
    public static HttpClient AlsSidecar(this HttpClient client, string? token = null)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, token ?? PerRun);
        return client;
    }
}
