// The speed suite of issue 11: every row of the issue's table against its baseline, in one run, with wrk.
//   reads     GET /register/v1/omgevingsdiensten/ODG and GET /beoordeling/v1/beoordelingen/ODG-2024 (token ipo)
//             against a bare Kestrel app serving the same bytes and headers (the latter with JWT validation);
//   list      the register list, paginaGrootte=100, 1 connection, at the seeded 26 ODs (its own baseline) and
//             after registering the benchmark's ODs (200, or --scale N);
//   commands  PATCH naam at 1/16/64 connections against raw Npgsql single-row jsonb INSERTs into the same database,
//             with the SQL statements per command from pg_stat_statements;
//   events    from commit in the register until applied in the assessment, under the 16- and 64-connection writes,
//             and the drain rate of a backlog written while the assessment was down;
//   cold      the first write after the register's restart against the writes after it.
// Run: dotnet run -c Release --project tests/Benchmarks/Suite [-- --scale 10000] [--duration 10] [--only reads,list,commands,drain,cold]
//   (--only runs just those parts; the benchmark's ODs are registered whenever a part after the reads runs)
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using RobuustOD.Benchmarks.Suite;

var scale = Option("--scale", 200);
var duration = TimeSpan.FromSeconds(Option("--duration", 10));
var warmup = TimeSpan.FromSeconds(2);
string[] parts = ["reads", "list", "commands", "drain", "cold"];
var only = OptionText("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? parts;
if (only.Except(parts).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"--only knows {string.Join(", ", parts)}; not {string.Join(", ", unknown)}.");
    return 2;
}

bool Runs(string part) => only.Contains(part);
var ct = CancellationToken.None;
if (!Wrk.IsInstalled())
{
    Console.Error.WriteLine("The suite uses wrk as its load generator: install it first (Debian/Ubuntu: sudo apt-get install wrk).");
    return 2;
}

var seeds = Path.Combine(RepositoryRoot(), "seeds");
var rows = new List<string[]>();
var notes = new List<string>();
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
Console.WriteLine($"RobuustOD speed suite: {Environment.ProcessorCount} cores, {duration.TotalSeconds:0} s per run, {scale} benchmark ODs, "
    + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

var startup = Stopwatch.StartNew();
await using var platform = await SuitePlatform.StartAsync(seeds, ct);
using var ienw = await platform.ClientAsync(platform.Registry, "ienw", ct);
using var ipo = await platform.ClientAsync(platform.Assessment, "ipo", ct);
var ipoToken = await platform.TokenAsync("ipo", ct);
var ienwToken = await platform.TokenAsync("ienw", ct);
var odgPath = "register/v1/omgevingsdiensten/ODG";
var beoordelingPath = "beoordeling/v1/beoordelingen/ODG-2024";
// The assessment's seed waits for the register's events: the dossier is there once they have arrived.
var register = await CapturedResponse.OfAsync(await ienw.GetAsync(new Uri(odgPath, UriKind.Relative), ct));
var beoordeling = await CapturedResponse.OfAsync(await UntilOkAsync(() => ipo.GetAsync(new Uri(beoordelingPath, UriKind.Relative), ct)));
Console.WriteLine($"platform up in {startup.Elapsed.TotalSeconds:0.0} s; ODG {register.Body.Length} bytes, ODG-2024 {beoordeling.Body.Length} bytes");
await using var baseline = await Baseline.StartAsync(platform.Identity.BaseAddress, register, beoordeling);

// Reads.
string[] bearer(string token) => [$"Authorization: Bearer {token}"];
if (Runs("reads"))
{
    // Besides the rate, the CPU time each request costs the serving process (the service's, or this one for the bare
    // endpoint): a machine shared with other work moves the rates, much less the CPU per request.
    var (readRegister, cpuRegister) = await MeasureCpuAsync(platform.Registry.Pid, new Uri(platform.Registry.BaseAddress, odgPath), 64, []);
    var (readRegisterBase, cpuRegisterBase) = await MeasureCpuAsync(Environment.ProcessId, new Uri(baseline.Address, "register"), 64, []);
    Row($"GET /{odgPath} (64 conn.)", readRegister, readRegisterBase, "bare Kestrel, same bytes", "≥ 0.5, p99 ≤ 10 ms");
    var (readBeoordeling, cpuBeoordeling) = await MeasureCpuAsync(platform.Assessment.Pid,
        new Uri(platform.Assessment.BaseAddress, beoordelingPath), 64, bearer(ipoToken));
    var (readBeoordelingBase, cpuBeoordelingBase) = await MeasureCpuAsync(Environment.ProcessId, new Uri(baseline.Address, "beoordeling"), 64, bearer(ipoToken));
    Row($"GET /{beoordelingPath}, token ipo (64 conn.)", readBeoordeling, readBeoordelingBase, "bare Kestrel + JWT, same bytes", "≥ 0.4, p99 ≤ 20 ms");
    notes.Add($"CPU per read request, service against bare endpoint: register {cpuRegister:0} µs against {cpuRegisterBase:0} µs "
        + $"({cpuRegisterBase / cpuRegister:0.00}), assessment {cpuBeoordeling:0} µs against {cpuBeoordelingBase:0} µs ({cpuBeoordelingBase / cpuBeoordeling:0.00})");
}

if (!only.Except(["reads"]).Any())
{
    return Print();
}

// The list at the seeded register, then at the register with the benchmark's ODs.
var listPath = "register/v1/omgevingsdiensten?paginaGrootte=100";
var seeded = (await ienw.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(listPath + "&status=alle", UriKind.Relative), ct))
    .GetProperty("totaal").GetInt32();
var listSmall = Runs("list") ? await MeasureAsync(new Uri(platform.Registry.BaseAddress, listPath), 1, []) : null;
var registering = Stopwatch.StartNew();
await RegisterAsync(scale);
Console.WriteLine($"registered {scale} ODs in {registering.Elapsed.TotalSeconds:0.0} s ({scale / registering.Elapsed.TotalSeconds:0}/s); "
    + $"assessment caught up: {await platform.CaughtUpAsync(TimeSpan.FromMinutes(5), ct)}");
if (listSmall is not null)
{
    var listLarge = await MeasureAsync(new Uri(platform.Registry.BaseAddress, listPath), 1, []);
    Row($"register list, paginaGrootte=100, 1 conn., {seeded + scale} ODs", listLarge, listSmall, $"the same list at {seeded} ODs", "≥ 0.5");
    var listLarge16 = await MeasureAsync(new Uri(platform.Registry.BaseAddress, listPath), 16, []);
    notes.Add($"register list at {seeded + scale} ODs, 16 connections: {listLarge16}");
}

// Commands against raw inserts; statements per command at 1 connection; event lag at 16 and 64.
var patch = new Uri(platform.Registry.BaseAddress, "register/v1/omgevingsdiensten");
string[] writeHeaders = [.. bearer(ienwToken), "Content-Type: application/json"];
foreach (var connections in Runs("commands") ? (int[])[1, 16, 64] : [])
{
    await platform.CaughtUpAsync(TimeSpan.FromMinutes(5), ct);
    await PatchAsync(connections, warmup, "warm");
    await platform.CaughtUpAsync(TimeSpan.FromMinutes(5), ct);
    var before = await platform.LastSequenceAsync(ct);
    await platform.ResetStatementsAsync(ct);
    var burst = Stopwatch.StartNew();
    var commands = await PatchAsync(connections, duration, $"c{connections}");
    var burstEnd = burst.Elapsed;
    var statements = await platform.StatementsAsync(ct);
    var caughtUp = await platform.CaughtUpAsync(TimeSpan.FromMinutes(5), ct);
    var behind = burst.Elapsed - burstEnd;
    var raw = await RawInserts.RunAsync(platform.RegistryDatabase, connections, duration);
    Row($"commands: PATCH naam, {connections} conn.", commands, raw, "raw Npgsql jsonb INSERT", connections == 16 ? "≥ 0.25" : "");
    var calls = statements.Sum(s => s.Calls);
    var dbMs = statements.Sum(s => s.Ms);
    Console.WriteLine($"  statements: {calls} calls, {dbMs:0} ms for {commands.Requests} commands");
    notes.Add($"{connections} conn.: {(double)calls / Math.Max(1, commands.Requests):0.0} SQL statements and {dbMs / Math.Max(1, commands.Requests):0.00} ms "
        + $"database time per command (forwarding included, pg_stat_statements)");
    if (connections == 1)
    {
        notes.Add("statements per command at 1 conn., the most frequent first: " + string.Join("; ", statements.Take(14)
            .Select(s => $"{(double)s.Calls / Math.Max(1, commands.Requests):0.00}x {Shorten(s.Query)}")));
    }
    else
    {
        var (lags, first, last) = await platform.LagsAsync(before, ct);
        Add([$"event propagation, writes at {connections} conn.", $"lag p50 {Stats.Percentile(lags, 50):0} ms, p99 {Stats.Percentile(lags, 99):0} ms, "
            + $"{(caughtUp ? $"caught up {behind.TotalSeconds:0.0} s after the writes" : "NOT caught up after 5 min")}",
            $"the write rate: {commands.PerSecond:0}/s", first is { } f && last is { } l && l > f ? $"{lags.Count / (l - f).TotalSeconds:0} events/s applied" : "",
            "lag p99 ≤ 1 s"]);
    }
}

// Drain: a backlog written while the assessment is down.
if (Runs("drain"))
{
    await platform.Assessment.KillAsync();
    var beforeBacklog = await platform.LastSequenceAsync(ct);
    var backlog = await PatchAsync(16, duration, "backlog");
    platform.Assessment.Start();
    await platform.Assessment.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), ct);
    var drained = await platform.CaughtUpAsync(TimeSpan.FromMinutes(10), ct);
    var (backlogLags, drainFirst, drainLast) = await platform.LagsAsync(beforeBacklog, ct);
    var drainRate = drainFirst is { } df && drainLast is { } dl && dl > df ? backlogLags.Count / (dl - df).TotalSeconds : double.NaN;
    Add([$"drain: backlog of {backlogLags.Count} events", drained ? $"{drainRate:0} events/s per subscriber" : "NOT drained in 10 min",
        $"the write rate: {backlog.PerSecond:0}/s", $"{drainRate / backlog.PerSecond:0.00}", "≥ 5,000 events/s"]);
}

// Cold start: the register restarted, its first write against the next ones.
if (Runs("cold"))
{
    await platform.Registry.KillAsync();
    platform.Registry.Start();
    await platform.Registry.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), ct);
    var writes = new List<double>();
    for (var i = 0; i < 21; i++)
    {
        using var fresh = i == 0 ? await platform.ClientAsync(platform.Registry, "ienw", ct) : null;
        var client = fresh ?? ienw;
        var clock = Stopwatch.StartNew();
        using var response = await client.PatchAsJsonAsync(new Uri($"register/v1/omgevingsdiensten/BM{i:D5}", UriKind.Relative),
            new { naam = $"BM{i:D5} koud {run}" }, ct);
        response.EnsureSuccessStatusCode();
        writes.Add(clock.Elapsed.TotalMilliseconds);
    }

    var later = Stats.Median(writes.Skip(1));
    Add(["first write after a restart of the register", $"{writes[0]:0} ms", $"later writes, median {later:0.0} ms",
        $"{writes[0] / later:0.0}x", "≤ 3x"]);
}

return Print();

int Print()
{
    Console.WriteLine();
    Console.WriteLine("| what | RobuustOD | baseline in the same run | ratio | goal |");
    Console.WriteLine("| --- | --- | --- | --- | --- |");
    foreach (var row in rows)
    {
        Console.WriteLine($"| {string.Join(" | ", row)} |");
    }

    Console.WriteLine();
    foreach (var note in notes)
    {
        Console.WriteLine($"- {note}");
    }

    return 0;
}

void Row(string what, Measurement real, Measurement reference, string referenceName, string goal)
{
    Add([what, real.ToString(), $"{referenceName}: {reference}", $"{real.PerSecond / reference.PerSecond:0.00}", goal]);
}

void Add(string[] row)
{
    rows.Add(row);
    Console.WriteLine($"  => {string.Join(" | ", row)}");
}

async Task<Measurement> MeasureAsync(Uri url, int connections, IReadOnlyList<string> headers)
{
    await Wrk.RunAsync(url, connections, warmup, headers);
    var result = await Wrk.RunAsync(url, connections, duration, headers);
    Console.WriteLine($"  {url.PathAndQuery} at {connections} conn.: {result}");
    return result;
}

// After the warm-up: the measurement and the CPU time (user + system) the serving process spent per request meanwhile, in µs.
async Task<(Measurement Result, double MicrosecondsPerRequest)> MeasureCpuAsync(int? pid, Uri url, int connections, IReadOnlyList<string> headers)
{
    using var process = Process.GetProcessById(pid ?? throw new InvalidOperationException($"The process serving {url} is not running."));
    await Wrk.RunAsync(url, connections, warmup, headers);
    process.Refresh();
    var before = process.TotalProcessorTime;
    var result = await Wrk.RunAsync(url, connections, duration, headers);
    process.Refresh();
    var cpu = (process.TotalProcessorTime - before).TotalMicroseconds / Math.Max(1, result.Requests);
    Console.WriteLine($"  {url.PathAndQuery} at {connections} conn.: {result}, {cpu:0} µs CPU per request");
    return (result, cpu);
}

async Task<Measurement> PatchAsync(int connections, TimeSpan length, string tag)
{
    var result = await Wrk.RunAsync(patch, connections, length, writeHeaders, Wrk.PatchScript, ["BM", $"{scale}", "{threads}", $"{run}{tag}"]);
    Console.WriteLine($"  PATCH at {connections} conn. ({tag}): {result}");
    return result;
}

async Task RegisterAsync(int count)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
    {
        for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
        {
            var code = $"BM{i:D5}";
            using var response = await ienw.PostAsJsonAsync(new Uri("register/v1/omgevingsdiensten", UriKind.Relative),
                new { code, naam = code, provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, ct);
            response.EnsureSuccessStatusCode();
        }
    }));
}

static async Task<HttpResponseMessage> UntilOkAsync(Func<Task<HttpResponseMessage>> get)
{
    var clock = Stopwatch.StartNew();
    while (true)
    {
        var response = await get();
        if (response.IsSuccessStatusCode || clock.Elapsed > TimeSpan.FromMinutes(2))
        {
            return response;
        }

        response.Dispose();
        await Task.Delay(250);
    }
}

static string Shorten(string query) => query.Length <= 90 ? query : query[..90] + "…";

int Option(string name, int fallback) =>
    OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException($"No RobuustOD.sln above {AppContext.BaseDirectory}.");
}
