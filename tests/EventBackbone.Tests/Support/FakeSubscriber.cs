using RobuustOD.TestInfrastructure;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RobuustOD.Contracts.Eventing;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests.Support;

/// <summary>
/// A stand-in for a subscribing service, on real loopback HTTP: its <c>/dapr/subscribe</c> lists one route for
/// one topic (the register's unless told otherwise), and the route records every structured CloudEvent it is sent
/// and answers what <see cref="Antwoord"/> says (Dapr's programmatic-subscription contract: 200 + status, or an HTTP error).
/// Like a real subscriber it requires the app API token (<see cref="Token"/>, default this run's) on both routes and
/// answers 401 without it; such refusals are counted in <see cref="Geweigerd"/>, not recorded as deliveries.
/// </summary>
public sealed class FakeSubscriber : IAsyncDisposable
{
    /// <summary>One POST to the route: the CloudEvent as it arrived, and what the fake answered.</summary>
    public sealed record Ontvangst(string ContentType, byte[] Body, JsonElement CloudEvent, int StatusCode, string? Status)
    {
        public string Id => CloudEvent.GetProperty("id").GetString()!;

        public string Type => CloudEvent.GetProperty("type").GetString()!;

        public string Subject => CloudEvent.GetProperty("subject").GetString()!;

        public string Sequence => CloudEvent.GetProperty("sequence").GetString()!;

        public bool Geaccepteerd => StatusCode == 200 && Status is null or "SUCCESS";
    }

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Ontvangst> _ontvangen = new();
    private int _geweigerd;

    private FakeSubscriber(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Decides the answer per CloudEvent: (HTTP status, Dapr status or null for an empty body). Default: 200 SUCCESS.</summary>
    public Func<JsonElement, (int StatusCode, string? Status)> Antwoord { get; set; } = _ => (200, "SUCCESS");

    public IReadOnlyList<Ontvangst> Ontvangen => [.. _ontvangen];

    /// <summary>The app API token the fake requires as <c>dapr-api-token</c>.</summary>
    public string Token { get; set; } = SidecarToken.PerRun;

    /// <summary>Calls (subscribe or delivery) refused for a missing or wrong token.</summary>
    public int Geweigerd => Volatile.Read(ref _geweigerd);

    /// <summary>The deliveries the fake accepted, in the order it received them.</summary>
    public IReadOnlyList<Ontvangst> Geaccepteerd => [.. _ontvangen.Where(o => o.Geaccepteerd)];

    /// <summary>Subscribed to the register topic.</summary>
    public static Task<FakeSubscriber> StartAsync(CancellationToken ct) => StartAsync(PubSub.Topics.Register, ct);

    /// <summary>POSTs to the route (with bulk subscribe one carries several CloudEvents).</summary>
    public int Verzoeken => Volatile.Read(ref _verzoeken);

    private int _verzoeken;

    /// <summary>
    /// Subscribed to <paramref name="topic"/> of <see cref="PubSub.Name"/>, on the route <c>events/{topic}</c>; with
    /// <paramref name="bulkMaxMessages"/> it declares Dapr's bulk subscribe and answers each entry of a bulk delivery
    /// as <see cref="Antwoord"/> says for its CloudEvent (an HTTP error for one entry answers the whole request).
    /// </summary>
    public static async Task<FakeSubscriber> StartAsync(string topic, CancellationToken ct, int? bulkMaxMessages = null)
    {
        var route = $"events/{topic}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSubscriber(app);

        app.MapGet("/dapr/subscribe", (HttpContext http) => fake.Weiger(http) ?? (bulkMaxMessages is { } max
            ? Results.Json(new[] { new { pubsubName = PubSub.Name, topic, route, bulkSubscribe = new { enabled = true, maxMessagesCount = max } } })
            : Results.Json(new[] { new { pubsubName = PubSub.Name, topic, route } })));
        app.MapPost("/" + route, async (HttpContext http) =>
        {
            if (fake.Weiger(http) is { } geweigerd)
            {
                return geweigerd;
            }

            Interlocked.Increment(ref fake._verzoeken);
            if (bulkMaxMessages is not null)
            {
                return await fake.BulkAsync(http);
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            var cloudEvent = JsonSerializer.Deserialize<JsonElement>(body);
            var (status, daprStatus) = fake.Antwoord(cloudEvent);
            fake._ontvangen.Enqueue(new Ontvangst(http.Request.ContentType ?? "", body, cloudEvent, status, daprStatus));
            if (status != 200)
            {
                return Results.StatusCode(status);
            }

            return daprStatus is null ? Results.Ok() : Results.Json(new { status = daprStatus });
        });

        await app.StartAsync(ct);
        fake.Address = new Uri(app.Urls.Single());
        return fake;
    }

    /// <summary>
    /// A BulkSubscribeMessage as daprd sends it; answered with a status per entry, as Dapr expects. Like the backbone's
    /// subscribers, every entry after one to retry is answered RETRY too (it would otherwise overtake it).
    /// </summary>
    private async Task<IResult> BulkAsync(HttpContext http)
    {
        var bulk = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
        var statuses = new List<object>();
        var retry = false;
        foreach (var entry in bulk.GetProperty("entries").EnumerateArray())
        {
            var cloudEvent = entry.GetProperty("event");
            var (status, daprStatus) = retry ? (200, "RETRY") : Antwoord(cloudEvent);
            retry |= daprStatus == "RETRY";
            _ontvangen.Enqueue(new Ontvangst(entry.GetProperty("contentType").GetString() ?? "", JsonSerializer.SerializeToUtf8Bytes(cloudEvent), cloudEvent,
                status, daprStatus));
            if (status != 200)
            {
                return Results.StatusCode(status);
            }

            statuses.Add(new { entryId = entry.GetProperty("entryId").GetString(), status = daprStatus ?? "SUCCESS" });
        }

        return Results.Json(new { statuses });
    }

    private IResult? Weiger(HttpContext http)
    {
        if (http.Request.Headers[SidecarToken.Header].ToString() == Token)
        {
            return null;
        }

        Interlocked.Increment(ref _geweigerd);
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "dapr-api-token missing or wrong");
    }

    /// <summary>Polls until <paramref name="condition"/> holds for what was received, or fails after the timeout.</summary>
    public Task WachtTotAsync(Func<IReadOnlyList<Ontvangst>, bool> condition, TimeSpan timeout, CancellationToken ct) =>
        Eventually.UntilAsync(() => condition(Ontvangen), timeout,
            () => "the fake subscriber received " + string.Join(", ", Ontvangen.Select(o => $"{o.Subject}:{o.Type}->{o.StatusCode}/{o.Status}")),
            ct, 20);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
