// Event propagation in standalone mode (no Dapr sidecar): the registry's forwarder delivers to a subscriber
// (the assessment service) over loopback HTTP. Measures
//   1. the forwarder's throughput: a backlog written while the subscriber is not yet up, drained once it is;
//   2. latency: from the HTTP write in the registry until the change is in the subscriber's read model,
//      one write at a time.
// Run: dotnet run -c Release --project tests/Benchmarks/EventPropagation [-- <events, default 1000>]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Assessment;
using RobuustOD.LocalPostgres;
using RobuustOD.RegisterReadModel;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure.Services;

// WebApplicationFactory finds the services' content roots through MvcTestingAppManifest.json in the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var ct = CancellationToken.None;

await using var cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions(), ct);
await cluster.CreateDatabaseAsync("registry", ct);
await cluster.CreateDatabaseAsync("assessment", ct);
await using var identity = new DevIdentityServer();

var subscriberPort = FreePort();
await using var registry = new ServiceFactory<RegistryService>(cluster.ConnectionStringFor("registry"), identity,
    new Dictionary<string, string?>
    {
        ["Eventing:Subscribers:0"] = $"http://127.0.0.1:{subscriberPort}/",
        ["Eventing:DaemonMode"] = "Solo",
        // The subscriber is down on purpose during the backlog: keep the retry backoff short so the drain starts at once.
        ["Eventing:MaxRetryDelay"] = "00:00:00.100",
    });
using var http = await registry.ClientAsync("ienw", ct);
Console.WriteLine($"Event propagation, standalone mode, {events} events, {Environment.ProcessorCount} cores");

for (var i = 0; i < events; i++)
{
    await RegistreerAsync($"T{i:D6}");
}

await using var subscriber = new ServiceFactory<AssessmentService>(cluster.ConnectionStringFor("assessment"), identity);
var drain = Stopwatch.StartNew();
subscriber.StartOnLoopback(subscriberPort);
var store = subscriber.Services.GetRequiredService<IDocumentStore>();
await ZichtbaarAsync($"T{events - 1:D6}", pollMs: 5);
drain.Stop();
Console.WriteLine($"forwarder throughput: backlog of {events} events drained in {drain.Elapsed.TotalSeconds:F2} s = {events / drain.Elapsed.TotalSeconds:F0} events/s (subscriber start included)");

var latencies = new List<double>(events);
for (var i = 0; i < events; i++)
{
    var code = $"L{i:D6}";
    var watch = Stopwatch.StartNew();
    await RegistreerAsync(code);
    await ZichtbaarAsync(code, pollMs: 1);
    latencies.Add(watch.Elapsed.TotalMilliseconds);
}

latencies.Sort();
Console.WriteLine($"latency write -> visible ({events} writes, one at a time): p50 {Percentile(50):F1} ms, p90 {Percentile(90):F1} ms, "
    + $"p99 {Percentile(99):F1} ms, max {latencies[^1]:F1} ms");

double Percentile(double p) => latencies[(int)Math.Ceiling(p / 100 * latencies.Count) - 1];

async Task RegistreerAsync(string code)
{
    using var response = await http.PostAsJsonAsync("/register/v1/omgevingsdiensten",
        new { code, naam = code, provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, ct);
    response.EnsureSuccessStatusCode();
}

async Task ZichtbaarAsync(string code, int pollMs)
{
    while (true)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<OmgevingsdienstUitRegister>(code, ct) is not null)
        {
            return;
        }

        await Task.Delay(pollMs, ct);
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
