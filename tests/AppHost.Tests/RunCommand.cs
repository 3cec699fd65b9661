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
/// The run command (deploy/AppHost) under Aspire's test host, its real processes under DCP, on free ports and a
/// throwaway PostgreSQL. Every wait is bounded: Aspire's test host has been seen (and reported upstream,
/// microsoft/aspire#7139) to hang in its stop and dispose, and a start that never ended held up a whole CI run until
/// its 90-minute limit; a timeout names the state DCP last reported for each resource.
/// </summary>
internal sealed class RunCommand : IAsyncDisposable
{
    public static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopLimit = TimeSpan.FromMinutes(2);

    private readonly PostgresCluster _cluster;
    private readonly DistributedApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _states = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _watch = new();

    private RunCommand(PostgresCluster cluster, DistributedApplication app, Dictionary<string, int> ports)
    {
        _cluster = cluster;
        _app = app;
        Ports = ports;
        _ = WatchStatesAsync(app.Services.GetRequiredService<ResourceNotificationService>());
    }

    /// <summary>The port of each resource (DevIdentity, registry, ..., gateway).</summary>
    public IReadOnlyDictionary<string, int> Ports { get; }

    public PostgresCluster Cluster => _cluster;

    /// <summary>Builds the app host (not started); <paramref name="configure"/> may change its resources first.</summary>
    public static async Task<RunCommand> BuildAsync(Action<IDistributedApplicationTestingBuilder>? configure, CancellationToken ct)
    {
        var cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions { Database = "robuustod" }, ct);
        try
        {
            // The gateway too: its default 8080 may be taken on a developer's machine.
            var ports = new[] { "DevIdentity", "registry", "assessment", "monitoring", "subsidy", "notifications", "gateway" }
                .ToDictionary(name => name, _ => FreeTcpPort(), StringComparer.Ordinal);
            string[] args =
            [
                $"--ConnectionStrings:robuustod={cluster.ConnectionString}",
                .. ports.Select(p => $"--{p.Key}:Port={p.Value.ToString(CultureInfo.InvariantCulture)}"),
                // The services call each other on these fixed loopback ports: Aspire's test host must not move them.
                "--DcpPublisher:RandomizePorts=false",
            ];
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(StartLimit);
            // WaitAsync as well as the token: a token alone did not bound these in Aspire's reports of hangs.
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args,
                (options, _) => options.DisableDashboard = true, limit.Token).WaitAsync(limit.Token);
            configure?.Invoke(builder);
            var app = await builder.BuildAsync(limit.Token).WaitAsync(limit.Token);
            return new RunCommand(cluster, app, ports);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Aspire's start, which returns once every resource has left its wait (the gateway waits for all services).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(StartLimit);
        try
        {
            await _app.StartAsync(limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The app host did not start within {StartLimit}; resources: {States}");
        }
    }

    /// <summary>The states DCP reported for the resource named <paramref name="name"/> so far, in order.</summary>
    public IReadOnlyList<string> History(string name) =>
        [.. _states.Where(s => s.Key == name || s.Key.StartsWith(name + "-", StringComparison.Ordinal)
                && !s.Key.StartsWith(name + "-rebuilder", StringComparison.Ordinal))
            .SelectMany(s => s.Value)];

    public string States => _states.IsEmpty ? "none reported"
        : string.Join(", ", _states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value.LastOrDefault()}"));

    /// <summary>Polls <c>/health/ready</c> of a resource until it answers 200.</summary>
    public async Task UntilReadyAsync(string name, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri($"http://127.0.0.1:{Ports[name]}/health/ready");
        var deadline = Stopwatch.StartNew();
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            try
            {
                using var response = await http.GetAsync(ready, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                last = ex.GetBaseException().Message;
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{ready} not ready within {timeout}: {last}; resources: {States}");
    }

    public async ValueTask DisposeAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var stop = new CancellationTokenSource(StopLimit);
            await _app.StopAsync(stop.Token).WaitAsync(stop.Token);
            await _app.DisposeAsync().AsTask().WaitAsync(StopLimit - clock.Elapsed);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or ArgumentOutOfRangeException)
        {
            // Not what the tests test: reported, and what is left is killed below.
            Warn($"the app host did not stop within {StopLimit} ({ex.GetType().Name}); resources: {States}");
        }
        finally
        {
            await _watch.CancelAsync();
            _watch.Dispose();
            // Whatever DCP left running (it, `dotnet run`, a service) would otherwise outlive the test process and
            // keep the database busy: ended here, so the run goes on either way.
            foreach (var left in await LeftoverProcesses.AfterGraceAsync(Environment.ProcessId, Ports.Values, TimeSpan.FromSeconds(15)))
            {
                Warn($"still running 15 s after the app host's stop: pid {left.Id} ({left.Name}); killed");
                left.Kill();
            }

            await _cluster.DisposeAsync();
        }
    }

    private async Task WatchStatesAsync(ResourceNotificationService notifications)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(_watch.Token))
            {
                var state = update.Snapshot.ExitCode is { } exit
                    ? $"{update.Snapshot.State?.Text} (exit code {exit})"
                    : update.Snapshot.State?.Text ?? "(none)";
                var history = _states.GetOrAdd(update.ResourceId, _ => new ConcurrentQueue<string>());
                if (history.LastOrDefault() != state)
                {
                    history.Enqueue(state);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void Warn(string message)
    {
        TestContext.Current.AddWarning(message);
        Console.Error.WriteLine($"[AppHost.Tests] {message}");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
