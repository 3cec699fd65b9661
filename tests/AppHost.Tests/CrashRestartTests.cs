using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.LocalPostgres;

namespace RobuustOD.AppHost.Tests;

/// <summary>
/// The run command (deploy/AppHost) with its real processes under DCP, on free ports and a throwaway PostgreSQL:
/// a service killed with SIGKILL comes back by itself. (That one stopped on purpose stays stopped is
/// <see cref="CrashTrackerTests"/>: DCP's own stop of a busy service times out on this machine, see the README.)
/// </summary>
public sealed class CrashRestartTests : IAsyncLifetime
{
    // Every wait is bounded: Aspire's test host has been seen (and reported upstream, microsoft/aspire#7139) to hang in
    // its stop and dispose, and one such hang held up a whole CI run until its 90-minute limit.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopLimit = TimeSpan.FromMinutes(2);

    private PostgresCluster _cluster = null!;
    private DistributedApplication? _app;
    private readonly Dictionary<string, int> _ports = [];
    // The last state DCP reported per resource, for the message of a timeout.
    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _watch = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions { Database = "robuustod" }, Ct);
        // The gateway too: its default 8080 may be taken on a developer's machine.
        foreach (var name in new[] { "DevIdentity", "registry", "assessment", "monitoring", "subsidy", "notifications", "gateway" })
        {
            _ports[name] = FreeTcpPort();
        }

        string[] args =
        [
            $"--ConnectionStrings:robuustod={_cluster.ConnectionString}",
            .. _ports.Select(p => $"--{p.Key}:Port={p.Value.ToString(CultureInfo.InvariantCulture)}"),
            // The services call each other on these fixed loopback ports: Aspire's test host must not move them.
            "--DcpPublisher:RandomizePorts=false",
        ];
        using var start = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        start.CancelAfter(StartLimit);
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args,
                (options, _) => options.DisableDashboard = true, start.Token).WaitAsync(start.Token);
            // WaitAsync as well: a token alone did not bound these in Aspire's reports of hangs.
            _app = await builder.BuildAsync(start.Token).WaitAsync(start.Token);
            _ = WatchStatesAsync(_app.Services.GetRequiredService<ResourceNotificationService>());
            await _app.StartAsync(start.Token).WaitAsync(start.Token);
        }
        catch (OperationCanceledException) when (start.IsCancellationRequested && !Ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The app host did not start within {StartLimit}; resources: {States}");
        }
    }

    private async Task WatchStatesAsync(ResourceNotificationService notifications)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(_watch.Token))
            {
                _states[update.ResourceId] = update.Snapshot.ExitCode is { } exit
                    ? $"{update.Snapshot.State?.Text} (exit code {exit})"
                    : update.Snapshot.State?.Text ?? "(none)";
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private string States => _states.IsEmpty ? "none reported"
        : string.Join(", ", _states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_app is not null)
            {
                await StopAsync(_app);
            }
        }
        finally
        {
            await _watch.CancelAsync();
            _watch.Dispose();
            // Whatever DCP left running (it, `dotnet run`, a service) would otherwise outlive the test process and
            // keep the database busy: ended here, so the run goes on either way.
            foreach (var left in await LeftoverProcesses.AfterGraceAsync(Environment.ProcessId, _ports.Values, TimeSpan.FromSeconds(15)))
            {
                Warn($"still running 15 s after the app host's stop: pid {left.Id} ({left.Name}); killed");
                left.Kill();
            }

            await _cluster.DisposeAsync();
        }
    }

    private async Task StopAsync(DistributedApplication app)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var stop = new CancellationTokenSource(StopLimit);
            await app.StopAsync(stop.Token).WaitAsync(stop.Token);
            await app.DisposeAsync().AsTask().WaitAsync(StopLimit - clock.Elapsed);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or ArgumentOutOfRangeException)
        {
            // Not this test's subject (the restart is): reported, and what is left is killed below.
            Warn($"the app host did not stop within {StopLimit} ({ex.GetType().Name}); resources: {States}");
        }
    }

    private static void Warn(string message)
    {
        TestContext.Current.AddWarning(message);
        Console.Error.WriteLine($"[AppHost.Tests] {message}");
    }

    [Fact(Timeout = 6 * 60 * 1000)]
    public async Task A_service_killed_with_SIGKILL_under_the_run_command_is_started_again_and_ready_within_90_seconds()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri($"http://127.0.0.1:{_ports["registry"]}/health/ready");
        await UntilReadyAsync(http, ready, TimeSpan.FromMinutes(3));

        var victim = ListeningProcess(_ports["registry"]);
        var clock = Stopwatch.StartNew();
        victim.Kill(); // SIGKILL on Unix
        await victim.WaitForExitAsync(TestContext.Current.CancellationToken);

        await UntilReadyAsync(http, ready, TimeSpan.FromSeconds(90));
        var back = clock.Elapsed;
        var successor = ListeningProcess(_ports["registry"]);
        Assert.NotEqual(victim.Id, successor.Id);
        TestContext.Current.TestOutputHelper?.WriteLine($"registry killed (pid {victim.Id}); ready again after {back.TotalSeconds:F1} s (pid {successor.Id})");
    }

    private async Task UntilReadyAsync(HttpClient http, Uri ready, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            try
            {
                using var response = await http.GetAsync(ready, Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !Ct.IsCancellationRequested)
            {
                last = ex.GetBaseException().Message;
            }

            await Task.Delay(250, Ct);
        }

        throw new TimeoutException($"{ready} not ready within {timeout}: {last}; resources: {States}");
    }

    private static Process ListeningProcess(int port) =>
        ProcFs.ListeningOn(port) ?? throw new InvalidOperationException($"nothing listens on 127.0.0.1:{port}");

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
