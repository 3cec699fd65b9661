using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RobuustOD.Benchmarks.Suite;

/// <summary>An answer as the real endpoint gave it: body and the headers a client sees (not Date, length, framing).</summary>
public sealed record CapturedResponse(byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Server",
    };

    public static async Task<CapturedResponse> OfAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !Skipped.Contains(h.Key))
            .Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value)))
            .ToList();
        return new CapturedResponse(await response.Content.ReadAsByteArrayAsync(), headers);
    }
}

/// <summary>
/// The baseline of the read rows: a bare Kestrel app in this process serving the captured bytes and headers from
/// memory, and for the assessment with the same JWT bearer validation as the services (same issuer, keys, audience).
/// What it costs is what any ASP.NET Core endpoint costs on this machine; the gap to it is RobuustOD's own.
/// </summary>
public sealed class Baseline : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Baseline(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<Baseline> StartAsync(Uri authority, CapturedResponse register, CapturedResponse beoordeling)
    {
        var port = TestInfrastructure.Processes.ProcessPlatform.FreeTcpPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = authority.ToString().TrimEnd('/');
            options.Audience = "robuustod";
            options.RequireHttpsMetadata = false;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "sub";
            options.TokenValidationParameters.RoleClaimType = "role";
            options.TokenValidationParameters.ValidAlgorithms = ["RS256", "PS256"];
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/register", (HttpContext http) => Serve(http, register));
        app.MapGet("/beoordeling", (HttpContext http) => Serve(http, beoordeling)).RequireAuthorization();
        await app.StartAsync();
        return new Baseline(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static Task Serve(HttpContext http, CapturedResponse captured)
    {
        foreach (var (name, value) in captured.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.ContentLength = captured.Body.Length;
        return http.Response.Body.WriteAsync(captured.Body).AsTask();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
