namespace RobuustOD.Gateway.SignIn;

/// <summary>Settings under <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The identity provider (authorization server) the dashboard signs people in with.</summary>
    public string IdentityProvider { get; set; } = "http://127.0.0.1:5199";

    /// <summary>The dashboard's client id there.</summary>
    public string ClientId { get; set; } = "robuustod-dashboard";

    /// <summary>The dashboard is a confidential client (it runs on the server): its secret, plus PKCE.</summary>
    public string ClientSecret { get; set; } = "";
}
