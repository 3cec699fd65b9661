using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using RobuustOD.LocalPostgres;

namespace RobuustOD.AppHost.Tests;

/// <summary>
/// The run command (deploy/AppHost) with its real processes under DCP, on free ports and a throwaway PostgreSQL:
/// a service killed with SIGKILL comes back by itself. (That one stopped on purpose stays stopped is
/// <see cref="CrashTrackerTests"/>: DCP's own stop of a busy service times out on this machine, see the README.)
/// </summary>
public sealed class CrashRestartTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;
    private DistributedApplication _app = null!;
    private readonly Dictionary<string, int> _ports = [];

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
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args,
            (options, _) => options.DisableDashboard = true, Ct);
        _app = await builder.BuildAsync(Ct);
        await _app.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_service_killed_with_SIGKILL_under_the_run_command_is_started_again_and_ready_within_90_seconds()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri($"http://127.0.0.1:{_ports["registry"]}/health/ready");
        await UntilReadyAsync(http, ready, TimeSpan.FromMinutes(3));

        var victim = ListeningProcess(_ports["registry"]);
        var clock = Stopwatch.StartNew();
        victim.Kill(); // SIGKILL on Unix
        await victim.WaitForExitAsync(Ct);

        await UntilReadyAsync(http, ready, TimeSpan.FromSeconds(90));
        var back = clock.Elapsed;
        var successor = ListeningProcess(_ports["registry"]);
        Assert.NotEqual(victim.Id, successor.Id);
        TestContext.Current.TestOutputHelper?.WriteLine($"registry killed (pid {victim.Id}); ready again after {back.TotalSeconds:F1} s (pid {successor.Id})");
    }

    private static async Task UntilReadyAsync(HttpClient http, Uri ready, TimeSpan timeout)
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

        throw new TimeoutException($"{ready} not ready within {timeout}: {last}");
    }

    private static Process ListeningProcess(int port) =>
        TryListeningProcess(port) ?? throw new InvalidOperationException($"nothing listens on 127.0.0.1:{port}");

    /// <summary>The process listening on 127.0.0.1:<paramref name="port"/>, from /proc (the service, not DCP's `dotnet run`).</summary>
    private static Process? TryListeningProcess(int port)
    {
        var local = $"0100007F:{port:X4}";
        var inode = File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[1] == local && f[3] == "0A") // LISTEN
            .Select(f => f[9]).FirstOrDefault();
        if (inode is null)
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd"))
                    .Any(fd => new FileInfo(fd).LinkTarget == $"socket:[{inode}]"))
                {
                    return Process.GetProcessById(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A process that ended meanwhile, or one we may not look into.
            }
        }

        return null;
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
