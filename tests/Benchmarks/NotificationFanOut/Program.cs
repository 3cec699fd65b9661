// Notification fan-out: the register's forwarder delivers to the notification service (standalone mode, loopback
// HTTP), which delivers to 1, 10 and 100 webhook subscriptions on one loopback Kestrel receiver. Measures per round
//   - deliveries per second (events x subscriptions / time from the first write to the last receipt),
//   - latency from the HTTP write in the register to the subscriber's receipt (p50, p99 over every delivery),
// and the drain rate of the backlog written while the receiver answered 503 for the given number of seconds.
// Run: dotnet run -c Release --project tests/Benchmarks/NotificationFanOut [-- <events per round, 200> <outage seconds, 60>]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RobuustOD.LocalPostgres;
using RobuustOD.Notifications;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure.Services;

Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var outage = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60);
var ct = CancellationToken.None;

await using var cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions(), ct);
await cluster.CreateDatabaseAsync("registry", ct);
await cluster.CreateDatabaseAsync("notificaties", ct);
await using var identity = new DevIdentityServer();

// The receiver: every path answers the handshake; a POST records when it arrived (or 503 while "down").
var ontvangen = new ConcurrentDictionary<(string Pad, string Code), long>();
var down = false;
var receiverPort = FreePort();
var receiverBuilder = WebApplication.CreateSlimBuilder();
receiverBuilder.WebHost.UseUrls($"http://127.0.0.1:{receiverPort}");
receiverBuilder.Logging.ClearProviders();
await using var receiver = receiverBuilder.Build();
receiver.MapMethods("/r/{pad}", ["OPTIONS"], (HttpContext http) =>
{
    http.Response.Headers["WebHook-Allowed-Origin"] = "*";
    return Results.Ok();
});
receiver.MapPost("/r/{pad}", async (string pad, HttpContext http) =>
{
    if (down)
    {
        return Results.StatusCode(503);
    }

    using var json = await JsonDocument.ParseAsync(http.Request.Body);
    if (json.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("code", out var code))
    {
        ontvangen.TryAdd((pad, code.GetString()!), Stopwatch.GetTimestamp());
    }

    return Results.NoContent();
});
await receiver.StartAsync();

var notificationsPort = FreePort();
await using var notifications = new ServiceFactory<NotificationsService>(cluster.ConnectionStringFor("notificaties"), identity,
    new Dictionary<string, string?>
    {
        ["Notificaties:PollInterval"] = "00:00:00.200",
        ["Notificaties:Herhaalschema:0"] = "00:00:01",
        ["Notificaties:Herhaalschema:1"] = "00:00:01",
        ["Notificaties:Herhaalschema:2"] = "00:00:02",
        ["Notificaties:Herhaalschema:3"] = "00:00:05",
        ["Notificaties:Herhaalschema:4"] = "00:00:05",
        ["Notificaties:Herhaalschema:5"] = "00:00:05",
        ["Notificaties:Herhaalschema:6"] = "00:00:05",
        ["Notificaties:Herhaalschema:7"] = "00:00:05",
        ["Notificaties:Herhaalschema:8"] = "00:00:05",
        ["Notificaties:Herhaalschema:9"] = "00:00:05",
        ["Notificaties:Herhaalschema:10"] = "00:00:05",
        ["Notificaties:Herhaalschema:11"] = "00:00:05",
        ["Notificaties:Herhaalschema:12"] = "00:00:05",
        ["Notificaties:Herhaalschema:13"] = "00:00:05",
        ["Notificaties:Herhaalschema:14"] = "00:00:05",
        ["Notificaties:Herhaalschema:15"] = "00:00:05",
        ["Notificaties:Herhaalschema:16"] = "00:00:05",
        ["Notificaties:Herhaalschema:17"] = "00:00:05",
        ["Notificaties:Herhaalschema:18"] = "00:00:05",
        ["Notificaties:Herhaalschema:19"] = "00:00:05",
        ["Notificaties:Herhaalschema:20"] = "00:00:05",
        ["Notificaties:OnderbrekingsDuur"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Error",
    });
notifications.StartOnLoopback(notificationsPort);
await using var registry = new ServiceFactory<RegistryService>(cluster.ConnectionStringFor("registry"), identity,
    new Dictionary<string, string?>
    {
        ["Eventing:Subscribers:0"] = $"http://127.0.0.1:{notificationsPort}/",
        ["Eventing:DaemonMode"] = "Solo",
        ["Eventing:MaxRetryDelay"] = "00:00:00.100",
    });
using var register = await registry.ClientAsync("ienw", ct);
using var beheer = await notifications.ClientAsync("ienw", ct);
// On loopback now: the factory's clients still default to its in-memory address.
beheer.BaseAddress = new Uri($"http://127.0.0.1:{notificationsPort}");
Console.WriteLine($"Notification fan-out, {events} events per round, {Environment.ProcessorCount} cores");

var ronde = 0;
var abonnementen = new List<string>();
foreach (var aantal in new[] { 1, 10, 100 })
{
    var (paden, geschreven, duur) = await RondeAsync(aantal, events);
    var latenties = paden.SelectMany(p => geschreven.Select(w => Stopwatch.GetElapsedTime(w.Value, ontvangen[(p, w.Key)]).TotalMilliseconds)).Order().ToList();
    Console.WriteLine($"{aantal,3} subscriptions: {events * aantal} deliveries in {duur.TotalSeconds:F2} s = {events * aantal / duur.TotalSeconds:F0} deliveries/s; "
        + $"write -> receipt p50 {Percentiel(latenties, 50):F0} ms, p99 {Percentiel(latenties, 99):F0} ms, max {latenties[^1]:F0} ms");
}

// The outage: 10 subscriptions, the receiver answers 503 while the register keeps writing; then it is back.
{
    await VerwijderAbonnementenAsync();
    var paden = await AbonneerAsync(10);
    down = true;
    var codes = new List<string>();
    var storing = Stopwatch.StartNew();
    while (storing.Elapsed < outage)
    {
        var code = $"S{codes.Count:D5}";
        await RegistreerAsync(code);
        codes.Add(code);
    }

    // Let the last writes reach the notification service before the receiver comes back.
    await Task.Delay(1000);
    down = false;
    var drain = Stopwatch.StartNew();
    await WachtOpAsync(paden, codes);
    drain.Stop();
    Console.WriteLine($"outage of {outage.TotalSeconds:F0} s with 10 subscriptions: {codes.Count} writes ({codes.Count * 10} deliveries) backlogged, "
        + $"drained in {drain.Elapsed.TotalSeconds:F1} s = {codes.Count * 10 / drain.Elapsed.TotalSeconds:F0} deliveries/s");
}

return;

async Task<(List<string> Paden, Dictionary<string, long> Geschreven, TimeSpan Duur)> RondeAsync(int aantal, int n)
{
    await VerwijderAbonnementenAsync();
    var paden = await AbonneerAsync(aantal);
    ronde++;
    var geschreven = new Dictionary<string, long>();
    var start = Stopwatch.GetTimestamp();
    for (var i = 0; i < n; i++)
    {
        var code = $"R{ronde}{i:D5}";
        geschreven[code] = Stopwatch.GetTimestamp();
        await RegistreerAsync(code);
    }

    await WachtOpAsync(paden, geschreven.Keys);
    var laatste = paden.SelectMany(p => geschreven.Keys.Select(c => ontvangen[(p, c)])).Max();
    return (paden, geschreven, Stopwatch.GetElapsedTime(start, laatste));
}

async Task<List<string>> AbonneerAsync(int aantal)
{
    var paden = new List<string>();
    for (var i = 0; i < aantal; i++)
    {
        var pad = Guid.NewGuid().ToString("N")[..8];
        using var response = await beheer.PostAsJsonAsync("/notificaties/v1/abonnementen", new
        {
            sink = $"http://127.0.0.1:{receiverPort}/r/{pad}",
            types = new[] { "nl.robuustod.register.omgevingsdienst-geregistreerd.v1" },
            contact = "benchmark@example.nl",
        }, ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        abonnementen.Add(json.RootElement.GetProperty("abonnement").GetProperty("id").GetString()!);
        paden.Add(pad);
    }

    return paden;
}

async Task VerwijderAbonnementenAsync()
{
    foreach (var id in abonnementen)
    {
        (await beheer.DeleteAsync($"/notificaties/v1/abonnementen/{id}", ct)).EnsureSuccessStatusCode();
    }

    abonnementen.Clear();
}

async Task RegistreerAsync(string code)
{
    using var response = await register.PostAsJsonAsync("/register/v1/omgevingsdiensten",
        new { code, naam = code, provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, ct);
    response.EnsureSuccessStatusCode();
}

async Task WachtOpAsync(IReadOnlyCollection<string> paden, IEnumerable<string> codes)
{
    var verwacht = paden.SelectMany(p => codes.Select(c => (p, c))).ToList();
    var deadline = Stopwatch.StartNew();
    while (verwacht.Any(k => !ontvangen.ContainsKey(k)))
    {
        if (deadline.Elapsed > TimeSpan.FromMinutes(10))
        {
            throw new TimeoutException($"{verwacht.Count(k => !ontvangen.ContainsKey(k))} of {verwacht.Count} deliveries missing");
        }

        await Task.Delay(5);
    }
}

static double Percentiel(List<double> gesorteerd, double p) => gesorteerd[(int)Math.Ceiling(p / 100 * gesorteerd.Count) - 1];

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
