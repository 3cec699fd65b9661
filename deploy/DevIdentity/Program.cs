using RobuustOD.DevIdentity;

var builder = WebApplication.CreateBuilder(args);

var settings = builder.Configuration.GetSection(DevIdentityOptions.Section);
builder.Services.AddOptions<DevIdentityOptions>()
    .Bind(settings)
    .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), "DevIdentity:Audience must not be empty.")
    .Validate(o => !string.IsNullOrWhiteSpace(o.ClientSecret), "DevIdentity:ClientSecret must not be empty.")
    .Validate(o => string.IsNullOrWhiteSpace(o.RegisterUrl) || Uri.TryCreate(o.RegisterUrl, UriKind.Absolute, out _),
        "DevIdentity:RegisterUrl must be an absolute URL.")
    .ValidateOnStart();

builder.Services.AddOpenIddict().AddServer(server =>
{
    server.SetTokenEndpointUris("connect/token");
    server.AllowClientCredentialsFlow();
    server.SetAccessTokenLifetime(TimeSpan.FromHours(1));

    var issuer = settings[nameof(DevIdentityOptions.Issuer)];
    if (!string.IsNullOrWhiteSpace(issuer))
    {
        server.SetIssuer(new Uri(issuer));
    }

    // No database: DevClients authenticates clients itself, and nothing is stored that would need one.
    server.EnableDegradedMode();
    server.DisableTokenStorage();
    server.DisableAuthorizationStorage();
    server.AddDevClients();
    // People (the dashboard) sign in with the authorization code flow and PKCE, picking a development user.
    server.AddDevSignIn();

    // Keys live as long as the process: resource servers refetch the JWKS when they meet an unknown key id,
    // and no certificate store is involved (which is awkward on Linux).
    server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();

    // Resource servers validate with JwtBearer from discovery + JWKS, which needs signed, not encrypted, tokens.
    server.DisableAccessTokenEncryption();

    // Runs on plain http://127.0.0.1 next to the other services.
    server.UseAspNetCore().DisableTransportSecurityRequirement().EnableAuthorizationEndpointPassthrough();
});

builder.Services.AddHealthChecks();

var app = builder.Build();

// Checked on the built app, whose environment includes every override (launch profile, test host).
if (!app.Environment.IsDevelopment())
{
    throw new InvalidOperationException(
        $"DevIdentity is a development identity provider and refuses to run outside Development (environment: '{app.Environment.EnvironmentName}').");
}

app.UseAuthentication();
app.MapHealthChecks("/health/live");
app.MapDevSignIn();

app.Run();
