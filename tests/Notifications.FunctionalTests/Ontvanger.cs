using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>How the receiver answers on one path: the handshake, then each POST.</summary>
public sealed class Gedrag
{
    public int OptionsStatus { get; set; } = 200;

    /// <summary>The WebHook-Allowed-Origin answered; null: echo the request's origin.</summary>
    public string? AllowedOrigin { get; set; }

    public string? AllowedRate { get; set; }

    public int Status { get; set; } = 200;

    public TimeSpan Vertraging { get; set; }

    public int? RetryAfterSeconden { get; set; }
}

/// <summary>What the receiver got: the Standard Webhooks headers, the Authorization header, the body as sent and parsed.</summary>
public sealed record Ontvangen(DateTimeOffset Op, string? Id, string? Timestamp, string? Signature, string? Authorization, byte[] Body, JsonElement CloudEvent)
{
    public string Type => CloudEvent.GetProperty("type").GetString()!;

    public string? Subject => CloudEvent.TryGetProperty("subject", out var s) ? s.GetString() : null;

    public bool IsTest => CloudEvent.TryGetProperty("testgebeurtenis", out _);

    public string Naam => CloudEvent.GetProperty("data").GetProperty("naam").GetString()!;
}

/// <summary>
/// A real HTTP receiver on loopback (Kestrel), one behaviour and one log per path; also plays a Dapr subscriber of topic
/// notificaties (the service's alerts) and an OAuth 2.0 token endpoint.
/// </summary>
public sealed class Ontvanger : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Gedrag> _gedrag = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Ontvangen>> _log = new(StringComparer.Ordinal);

    public ConcurrentQueue<JsonElement> Alarmen { get; } = new();

    public ConcurrentQueue<string> Tokenverzoeken { get; } = new();

    private Ontvanger(WebApplication app) => _app = app;

    public Uri Basis { get; private set; } = null!;

    public static async Task<Ontvanger> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ontvanger = new Ontvanger(app);
        app.MapMethods("/ontvang/{pad}", ["OPTIONS"], (string pad, HttpContext http) =>
        {
            var gedrag = ontvanger.GedragVan(pad);
            http.Response.Headers["WebHook-Allowed-Origin"] = gedrag.AllowedOrigin ?? http.Request.Headers["WebHook-Request-Origin"].ToString();
            if (gedrag.AllowedRate is not null)
            {
                http.Response.Headers["WebHook-Allowed-Rate"] = gedrag.AllowedRate;
            }

            return Results.StatusCode(gedrag.OptionsStatus);
        });
        app.MapPost("/ontvang/{pad}", async (string pad, HttpContext http) =>
        {
            var gedrag = ontvanger.GedragVan(pad);
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            if (gedrag.Vertraging > TimeSpan.Zero)
            {
                await Task.Delay(gedrag.Vertraging);
            }

            var h = http.Request.Headers;
            using var json = JsonDocument.Parse(body);
            var ontvangen = new Ontvangen(DateTimeOffset.UtcNow, h["webhook-id"].FirstOrDefault(), h["webhook-timestamp"].FirstOrDefault(),
                h["webhook-signature"].FirstOrDefault(), h.Authorization.FirstOrDefault(), body, json.RootElement.Clone());
            if (gedrag.Status is >= 200 and < 300)
            {
                ontvanger._log.GetOrAdd(pad, _ => new ConcurrentQueue<Ontvangen>()).Enqueue(ontvangen);
            }

            if (gedrag.RetryAfterSeconden is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Text(gedrag.Status is >= 200 and < 300 ? "ok" : $"fout {gedrag.Status} van de ontvanger", statusCode: gedrag.Status);
        });
        app.MapGet("/dapr/subscribe", () => Results.Json(new[] { new { pubsubname = "robuustod-pubsub", topic = "notificaties", route = "events/notificaties" } }));
        app.MapPost("/events/notificaties", async (HttpContext http) =>
        {
            using var json = await JsonDocument.ParseAsync(http.Request.Body);
            ontvanger.Alarmen.Enqueue(json.RootElement.Clone());
            return Results.Json(new { status = "SUCCESS" });
        });
        app.MapPost("/token", (HttpContext http) =>
        {
            ontvanger.Tokenverzoeken.Enqueue(http.Request.Headers.Authorization.ToString());
            return Results.Json(new { access_token = "token-" + ontvanger.Tokenverzoeken.Count, token_type = "Bearer", expires_in = 3600 });
        });
        await app.StartAsync();
        ontvanger.Basis = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return ontvanger;
    }

    public Gedrag GedragVan(string pad) => _gedrag.GetOrAdd(pad, _ => new Gedrag());

    /// <summary>A new path with its own behaviour; its URL.</summary>
    public (string Pad, string Url, Gedrag Gedrag) NieuwPad(Action<Gedrag>? zo = null)
    {
        var pad = Guid.NewGuid().ToString("N")[..12];
        var gedrag = GedragVan(pad);
        zo?.Invoke(gedrag);
        return (pad, new Uri(Basis, $"ontvang/{pad}").ToString(), gedrag);
    }

    /// <summary>What the path accepted (2xx), test events left out unless asked.</summary>
    public IReadOnlyList<Ontvangen> Van(string pad, bool metTests = false) =>
        [.. (_log.TryGetValue(pad, out var q) ? q.ToArray() : []).Where(o => metTests || !o.IsTest)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
