// Cold start of the event backbone: a fresh register and a fresh subscriber (the assessment service) on loopback in
// standalone mode, both ready; then one write at a time, each timed from the HTTP write in the register until the
// change is in the subscriber's read model. The first write against the later ones is the cold-start cost; the ratio
// is what carries on this noisy machine. Runs once per daemon mode (HotCold, the run command's default, and Solo).
// Run: dotnet run -c Release --project tests/Benchmarks/ColdStart [-- <writes after the first, default 20>]
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

Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var writes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var modes = args.Length > 1 ? args[1].Split(',') : ["HotCold", "Solo", "HotCold"];
var warm = args.Length > 2 && args[2] == "warm";
var ct = CancellationToken.None;

await using var cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions(), ct);
await using var identity = new DevIdentityServer();
Console.WriteLine($"Cold start of event propagation, standalone mode, {Environment.ProcessorCount} cores");

foreach (var mode in modes)
{
    var run = Guid.NewGuid().ToString("N")[..8];
    await cluster.CreateDatabaseAsync($"registry_{run}", ct);
    await cluster.CreateDatabaseAsync($"assessment_{run}", ct);
    var subscriberPort = FreePort();
    var started = Stopwatch.StartNew();
    await using var subscriber = new ServiceFactory<AssessmentService>(cluster.ConnectionStringFor($"assessment_{run}"), identity);
    subscriber.StartOnLoopback(subscriberPort);
    await using var registry = new ServiceFactory<RegistryService>(cluster.ConnectionStringFor($"registry_{run}"), identity,
        new Dictionary<string, string?>
        {
            ["Eventing:Subscribers:0"] = $"http://127.0.0.1:{subscriberPort}/",
            ["Eventing:DaemonMode"] = mode,
        });
    using var http = await registry.ClientAsync("ienw", ct);
    using (var ready = await http.GetAsync("/health/ready", ct))
    {
        ready.EnsureSuccessStatusCode();
    }

    var ms = started.Elapsed.TotalMilliseconds;
    var store = subscriber.Services.GetRequiredService<IDocumentStore>();
    if (warm)
    {
        var w = Stopwatch.StartNew();
        await using (var s1 = store.QuerySession())
        {
            await s1.LoadAsync<OmgevingsdienstUitRegister>("XX", ct);
            await s1.LoadAsync<RobuustOD.EventBackbone.Incoming.VerwerkteGebeurtenis>("XX", ct);
        }
        await using (var s2 = registry.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            await s2.Events.FetchLatest<RobuustOD.Registry.Omgevingsdiensten.Omgevingsdienst>("XX", ct);
        }
        using (await http.GetAsync("/register/v1/omgevingsdiensten/XX", ct)) { }
        Console.WriteLine($"warm-up {w.Elapsed.TotalMilliseconds:F0} ms");
    }
    var (firstWrite, firstVisible) = await TimedAsync($"F{run}");
    var later = new List<(double Write, double Visible)>();
    for (var i = 0; i < writes; i++)
    {
        later.Add(await TimedAsync($"L{i:D3}{run}"));
    }

    var medianVisible = later.Select(l => l.Visible).Order().ElementAt(later.Count / 2);
    var medianWrite = later.Select(l => l.Write).Order().ElementAt(later.Count / 2);
    Console.WriteLine($"{mode,-8} ready after {ms:F0} ms; first write {firstWrite:F0} ms, visible after {firstVisible:F0} ms; "
        + $"later writes median {medianWrite:F1} ms, visible after {medianVisible:F1} ms; first/later visible = {firstVisible / medianVisible:F1}x");

    async Task<(double Write, double Visible)> TimedAsync(string code)
    {
        var watch = Stopwatch.StartNew();
        using (var response = await http.PostAsJsonAsync("/register/v1/omgevingsdiensten",
                   new { code, naam = code, provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, ct))
        {
            response.EnsureSuccessStatusCode();
        }

        var write = watch.Elapsed.TotalMilliseconds;
        while (true)
        {
            await using var session = store.QuerySession();
            if (await session.LoadAsync<OmgevingsdienstUitRegister>(code, ct) is not null)
            {
                return (write, watch.Elapsed.TotalMilliseconds);
            }

            await Task.Delay(1, ct);
        }
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
