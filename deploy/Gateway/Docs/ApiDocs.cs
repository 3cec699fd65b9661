using Microsoft.Extensions.Options;
using RobuustOD.Gateway.Proxy;
using RobuustOD.Gateway.SignIn;
using Scalar.AspNetCore;

namespace RobuustOD.Gateway.Docs;

/// <summary>
/// One documentation page for every API behind the gateway (Scalar, served from the package itself: no CDN, works
/// offline). The documents are the services' own, fetched through the gateway's routes, so "try it" calls go through
/// the gateway too.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/docs";

    public static void MapApiDocs(this WebApplication app)
    {
        var upstreams = app.Services.GetRequiredService<Upstreams>();
        var gateway = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var tokenUrl = gateway.IdentityProvider.TrimEnd('/') + "/connect/token";
        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("RobuustOD API's");
            var first = true;
            foreach (var api in upstreams.All)
            {
                options.AddDocument(api.Name, api.Title, api.OpenApiPath, isDefault: first);
                first = false;
            }

            // How to get a token: shown above every document, since each one only says "bearer".
            options.HeaderContent =
                $"""
                <div style="padding:.75rem 1rem;border-bottom:1px solid #ccc;font-family:sans-serif">
                <strong>Tokens.</strong> Elke API verwacht <code>Authorization: Bearer &lt;token&gt;</code>. Een token haalt u bij het
                token-endpoint van de identity provider, <code>{tokenUrl}</code>, met de client credentials flow
                (<code>grant_type=client_credentials</code>, client <code>ienw</code>, <code>beoordelaar</code>, <code>odnl</code>,
                <code>ipo</code>, <code>vng</code> of <code>od-&lt;CODE&gt;</code>; in ontwikkeling het geheim <code>robuustod-dev</code>):
                <code>curl -u ienw:robuustod-dev -d grant_type=client_credentials {tokenUrl}</code>.
                Alle API's zijn via deze gateway bereikbaar onder hun eigen prefix (bijv. <code>/register/v1</code>).
                </div>
                """;
        }).AllowAnonymous();
    }
}
