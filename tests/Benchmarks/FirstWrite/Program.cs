// The first authenticated write after a start of Monitoring or Subsidy against the writes after it, with the warm-up
// at start and without it (its hosted services taken out: the state before the services warmed anything). Every start
// is a fresh process (the JIT and Marten's generated code are per process), on a database prepared by another process
// (seeds, the ODs the writes name), served by Kestrel on loopback like a deployed service; the clock starts once
// /health/ready answers and the client holds its token.
// Run: dotnet run -c Release --project tests/Benchmarks/FirstWrite [-- <starts per variant, default 3> <writes after the first, default 20> <monitoring,subsidie>]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RobuustOD.CatalogusReadModel;
using RobuustOD.LocalPostgres;
using RobuustOD.RegisterReadModel;
using RobuustOD.TestInfrastructure.Services;

Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var ct = CancellationToken.None;
if (args is ["start", var startService, var startDatabase, var startVariant, var count])
{
    var writes = int.Parse(count, CultureInfo.InvariantCulture);
    Console.WriteLine(startService == "monitoring"
        ? await StartAsync<RobuustOD.Monitoring.MonitoringService>(startDatabase, startVariant, writes)
        : await StartAsync<RobuustOD.Subsidy.SubsidyService>(startDatabase, startVariant, writes));
    return;
}

var starts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var later = args.Length > 1 ? args[1] : "20";
await using var cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions(), ct);
Console.WriteLine($"First write after a start, Release, {Environment.ProcessorCount} cores; {starts} starts per variant, {later} later writes each");
foreach (var service in args.Length > 2 ? args[2].Split(',') : ["monitoring", "subsidie"])
{
    for (var i = 0; i < starts; i++)
    {
        foreach (var variant in new[] { "cold", "warm" })
        {
            var database = $"{service}_{variant}_{i}";
            await cluster.CreateDatabaseAsync(database, ct);
            var connection = cluster.ConnectionStringFor(database);
            await ChildAsync("start", service, connection, "prepare", later);
            Console.WriteLine($"{service,-10} {variant}: " + await ChildAsync("start", service, connection, variant, later));
        }
    }
}

// One start in a process of its own; its last line is its result.
static async Task<string> ChildAsync(params string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, arguments) { RedirectStandardOutput = true })!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return process.ExitCode == 0 ? output.TrimEnd().Split('\n')[^1] : $"failed ({process.ExitCode}): {output}";
}

async Task<string> StartAsync<TService>(string database, string variant, int writes) where TService : class
{
    await using var identity = new DevIdentityServer();
    var monitoring = typeof(TService) == typeof(RobuustOD.Monitoring.MonitoringService);
    await using var factory = new ServiceFactory<TService>(database, identity, new Dictionary<string, string?>
    {
        ["Seeds:LoadOnStartup"] = variant == "prepare" ? "true" : "false",
        ["Seeds:Path"] = SeedsFolder(),
        ["Monitoring:Verzuimbewaking:Interval"] = "00:00:00",
    });
    var removed = 0;
    await using var app = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
    {
        if (variant == "cold")
        {
            // The warm-ups' hosted services are registered by factories declared in the event store's warm-up classes.
            foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService)
                         && d.ImplementationFactory?.Method.DeclaringType?.FullName?.Contains("WarmUp", StringComparison.Ordinal) == true).ToList())
            {
                services.Remove(warmUp);
                removed++;
            }
        }
    }));
    app.UseKestrel(0);
    app.StartServer();
    var codes = Enumerable.Range(0, writes + 1).Select(i => $"FW{i:D3}").ToList();
    if (variant == "prepare")
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        foreach (var code in codes)
        {
            session.Store(new OmgevingsdienstUitRegister { Id = code, Naam = $"Omgevingsdienst {code}", Provincies = ["Utrecht"] });
        }

        session.Store(new CriteriumUitCatalogus { Id = CriteriumUitCatalogus.Sleutel(7), Nummer = 7, Versie = 1, Titel = "Vaste formatie" });
        await session.SaveChangesAsync(ct);
        return "prepared";
    }

    // Without options: after UseKestrel the client's base address is the Kestrel server's.
    using var client = app.CreateClient();
    var started = Stopwatch.StartNew();
    using (var ready = await client.GetAsync("/health/ready", ct))
    {
        ready.EnsureSuccessStatusCode();
    }

    var readyAfter = started.Elapsed.TotalMilliseconds;
    await identity.AuthorizeAsync(client, "ienw", ct);
    var times = new List<double>();
    foreach (var code in codes)
    {
        var watch = Stopwatch.StartNew();
        using var response = monitoring
            ? await client.PostAsJsonAsync("/monitoring/v1/voortgangsrapportages", new { omgevingsdienst = code, ronde = "voortgang1" }, ct)
            : await client.PostAsJsonAsync("/subsidie/v1/aanvragen", new
            {
                regeling = "robuustheidsbijdrage",
                omgevingsdienst = code,
                activiteiten = new[]
                {
                    new
                    {
                        omschrijving = "Activiteit 1", criteria = new[] { 7 }, periode = new { van = "2025-01-01", tot = "2025-12-31" },
                        kostenregels = new[] { new { categorie = "personeel", bedrag = 1000.00m } },
                    },
                },
            }, ct);
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    var median = times.Skip(1).Order().ElementAt(writes / 2);
    return FormattableString.Invariant(
        $"ready after {readyAfter:F0} ms (warm-up services removed: {removed}); first write {times[0]:F1} ms, later median {median:F1} ms, first/later {times[0] / median:F1}x");
}

static string SeedsFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
        {
            return Path.Combine(dir.FullName, "seeds");
        }
    }

    throw new InvalidOperationException("Repository root (RobuustOD.sln) not found.");
}
