using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RobuustOD.LocalPostgres;
using RobuustOD.Monitoring;
using RobuustOD.RegisterReadModel;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Faults.Tests;

/// <summary>
/// Writes that lose a race to the same OD: a normal outcome (409, one information line), and no stall of the event
/// backbone afterwards (a lost race leaves a gap in the event sequence that the forwarder must not wait on).
/// </summary>
public sealed class LostRaceTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;
    private DevIdentityServer _identity = null!;
    private ServiceFactory<MonitoringService> _subscriber = null!;
    private LoggingRegistry _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions(), Ct);
        await _cluster.CreateDatabaseAsync("register", Ct);
        await _cluster.CreateDatabaseAsync("monitoring", Ct);
        _identity = new DevIdentityServer();
        _subscriber = new ServiceFactory<MonitoringService>(_cluster.ConnectionStringFor("monitoring"), _identity);
        var subscriber = _subscriber.StartOnLoopback(FreeTcpPort());
        _registry = new LoggingRegistry(_cluster.ConnectionStringFor("register"), _identity, new Dictionary<string, string?>
        {
            ["Eventing:Subscribers:0"] = subscriber.ToString(),
            ["Eventing:DaemonMode"] = "Solo",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _subscriber.DisposeAsync();
        await _identity.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_lost_race_is_one_information_line_and_the_next_event_reaches_the_subscriber_without_delay()
    {
        using var http = await _registry.ClientAsync("ienw", Ct);
        foreach (var code in new[] { "ODRACE", "ODNA" })
        {
            using var created = await http.PostAsJsonAsync("/register/v1/omgevingsdiensten",
                new { code, naam = code, provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await ZichtbaarAsync("ODNA", "ODNA", TimeSpan.FromSeconds(30));

        var logBefore = _registry.Logs.Entries.Count; // schema creation at start logs its SQL, rightly
        // Concurrent PATCHes of one OD until at least one loses the race (on two cores the first round nearly always does).
        var conflicts = 0;
        for (var round = 0; round < 10 && conflicts == 0; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            {
                using var patch = await http.PatchAsJsonAsync("/register/v1/omgevingsdiensten/ODRACE", new { naam = $"Race {round}-{i}" }, Ct);
                return patch.StatusCode;
            }));
            Assert.All(answers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"unexpected {status}"));
            conflicts += answers.Count(status => status == HttpStatusCode.Conflict);
        }

        Assert.True(conflicts > 0, "no write lost a race in 10 rounds of 16 concurrent writes");

        // Right after the race, an unrelated write: before the fix the forwarder waited ~3 s on the race's sequence gap.
        var watch = Stopwatch.StartNew();
        using (var patch = await http.PatchAsJsonAsync("/register/v1/omgevingsdiensten/ODNA", new { naam = "Na de race" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        await ZichtbaarAsync("ODNA", "Na de race", TimeSpan.FromSeconds(10));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5),
            $"the write after the race took {watch.Elapsed.TotalMilliseconds:F0} ms to reach the subscriber");

        var entries = _registry.Logs.Entries.Skip(logBefore).ToList();
        // No errors and no SQL. (The daemon may say once, as a warning, that it passed the race's sequence gap.)
        var errors = entries.Where(e => e.Level >= LogLevel.Error
            || e.Message.Contains("mt_quick_append_events", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("insert into", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(errors.Count == 0, "errors or SQL in the log: " + string.Join("\n", errors.Take(3).Select(e => $"{e.Level} {e.Category}: {e.Message}")));
        var conflictLines = entries.Count(e => e.Message.Contains("refused with 409", StringComparison.Ordinal));
        Assert.Equal(conflicts, conflictLines);
    }

    private async Task ZichtbaarAsync(string code, string naam, TimeSpan timeout)
    {
        var store = _subscriber.Services.GetRequiredService<IDocumentStore>();
        await Eventually.UntilAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<OmgevingsdienstUitRegister>(code, Ct))?.Naam == naam;
        }, timeout, () => $"{code} with naam '{naam}' not in the subscriber's register", Ct, pollMilliseconds: 5);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The register with its log captured at the levels an operator's console shows.</summary>
    private sealed class LoggingRegistry(string connectionString, DevIdentityServer identity, IReadOnlyDictionary<string, string?> settings)
        : ServiceFactory<RegistryService>(connectionString, identity, settings)
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:Marten", "Information");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
