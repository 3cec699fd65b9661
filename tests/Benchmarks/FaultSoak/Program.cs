// Soak: a long outage under steady writes, with the register, monitoring and the identity provider as real
// processes (standalone eventing, the services' default retry backoff) on a throwaway PostgreSQL cluster.
//   subscriber  monitoring is killed (SIGKILL) and stays down for the outage, then is started again;
//   register    the register is killed (SIGKILL) and stays down for the outage, then is started again;
//   database    PostgreSQL stops for the outage (pg_ctl -m fast; SOAK_STOP_MODE=immediate: as in a crash), then starts
//               again; the services stay up. SOAK_DAEMON_MODE=Solo runs Marten's daemon without leader election;
//               with SOAK_STOP_MODE=immediate the cluster is crash-safe unless SOAK_CRASH_SAFE=0 (fsync and synchronous_commit off).
// Afterwards the same check as the fault tests (DeliveryCheck): every accepted write stored, applied exactly once,
// in order per OD, no dead letters. Exit code 1 when anything is off.
// Run: dotnet run -c Release --project tests/Benchmarks/FaultSoak [-- <subscriber|register|database|all> [outage seconds, default 300]]
using System.Diagnostics;
using System.Globalization;
using RobuustOD.TestInfrastructure.Processes;

var scenarios = args.Length > 0 && args[0] != "all" ? [args[0]] : new[] { "subscriber", "register", "database" };
var outage = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
var failures = 0;
foreach (var scenario in scenarios)
{
    failures += await SoakAsync(scenario, outage) ? 0 : 1;
}

return failures == 0 ? 0 : 1;

static async Task<bool> SoakAsync(string scenario, TimeSpan outage)
{
    var ct = CancellationToken.None;
    var total = Stopwatch.StartNew();
    Console.WriteLine($"soak '{scenario}': outage {outage.TotalSeconds:F0} s, {Environment.ProcessorCount} cores");
    // SOAK_DAEMON_MODE: Marten's daemon mode of the services, HotCold (the default, as under the run command) unless set, e.g. to Solo.
    await using var platform = await ProcessPlatform.StartAsync(maxRetryDelay: null, ct,
        daemonMode: Environment.GetEnvironmentVariable("SOAK_DAEMON_MODE") ?? "HotCold",
        crashSafe: Environment.GetEnvironmentVariable("SOAK_STOP_MODE") == "immediate" && Environment.GetEnvironmentVariable("SOAK_CRASH_SAFE") != "0");
    using var http = await platform.RegistryClientAsync("ienw", ct);
    var workload = new RegisterWorkload(http, [.. Enumerable.Range(1, 50).Select(i => $"SOAK{i:D2}")]);
    await workload.RegisterAllAsync(ct);

    using var stop = new CancellationTokenSource();
    var writes = workload.RunAsync(writers: 2, pause: TimeSpan.FromMilliseconds(50), stop.Token);
    await Task.Delay(TimeSpan.FromSeconds(10), ct);

    var clock = Stopwatch.StartNew();
    switch (scenario)
    {
        case "subscriber":
            await platform.Subscriber.KillAsync();
            break;
        case "register":
            await platform.Registry.KillAsync();
            break;
        case "database":
            await platform.Cluster.StopServerAsync(Environment.GetEnvironmentVariable("SOAK_STOP_MODE") ?? "fast", ct);
            break;
        default:
            throw new ArgumentException($"unknown scenario '{scenario}' (subscriber, register, database, all)");
    }

    while (clock.Elapsed < outage)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, (outage - clock.Elapsed).TotalSeconds + 0.01)), ct);
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F0} s into the outage: writes {workload.Count(WriteOutcome.Accepted)} accepted, "
            + $"{workload.Count(WriteOutcome.Refused)} refused, {workload.Count(WriteOutcome.Unanswered)} unanswered");
    }

    var back = Stopwatch.StartNew();
    switch (scenario)
    {
        case "subscriber":
            await ProcessPlatform.RestartAsync(platform.Subscriber, ct);
            break;
        case "register":
            await ProcessPlatform.RestartAsync(platform.Registry, ct);
            break;
        default:
            await platform.Cluster.StartServerAsync(ct);
            await Task.WhenAll(platform.Registry.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), ct),
                platform.Subscriber.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), ct));
            break;
    }

    Console.WriteLine($"  back and ready after {back.Elapsed.TotalSeconds:F1} s; backlog: {await platform.StoredCountAsync(ct)} stored, "
        + $"{await platform.AppliedCountAsync(ct)} applied");
    await Task.Delay(TimeSpan.FromSeconds(10), ct);
    await stop.CancelAsync();
    await writes;

    DeliveryReport report;
    try
    {
        report = await DeliveryCheck.VerifyAsync(platform, workload, TimeSpan.FromMinutes(3), ct);
    }
    finally
    {
        // The processes' whole output, for what the check's message only shows the end of.
        var folder = Path.Combine(Path.GetTempPath(), "robuustod-faultsoak", scenario);
        Directory.CreateDirectory(folder);
        foreach (var process in new[] { platform.Registry, platform.Subscriber, platform.Identity })
        {
            await File.WriteAllLinesAsync(Path.Combine(folder, process.Name + ".log"), process.Output, ct);
        }

        Console.WriteLine($"  process output in {folder}");
    }

    Console.WriteLine($"  {report}");
    Console.WriteLine($"  soak '{scenario}' {(report.Problems.Count == 0 ? "passed" : "FAILED")} in {total.Elapsed.TotalMinutes:F1} min");
    return report.Problems.Count == 0;
}
