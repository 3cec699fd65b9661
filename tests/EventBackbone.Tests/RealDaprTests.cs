using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using RobuustOD.Assessment;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>
/// The registry and a subscriber through a real daprd (in-memory pub/sub), when the machine has one on PATH;
/// skipped otherwise.
/// </summary>
public sealed class RealDaprTests(PostgresServer postgres, SharedIdentity shared)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task een_registratie_bereikt_de_abonnee_via_een_echte_daprd()
    {
        var daprd = FindOnPath("daprd");
        if (daprd is null)
        {
            Assert.Skip($"daprd not found on PATH: {Environment.GetEnvironmentVariable("PATH")}");
        }

        var identity = shared.Server;
        await using var assessment = new LoopbackService<AssessmentService>(await postgres.CreateDatabaseAsync("realdapr-assessment", Ct), identity);
        var appAddress = assessment.Start();

        var resources = Directory.CreateTempSubdirectory("robuustod-dapr-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(resources.FullName, "pubsub.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: robuustod-pubsub
                spec:
                  type: pubsub.in-memory
                  version: v1
                """, Ct);
            int grpcPort = FreePort(), httpPort = FreePort(), metricsPort = FreePort();
            using var sidecar = Process.Start(new ProcessStartInfo(daprd)
            {
                ArgumentList =
                {
                    "--app-id", "robuustod-e2e",
                    "--app-port", appAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--app-protocol", "http",
                    "--app-channel-address", "127.0.0.1",
                    "--dapr-listen-addresses", "127.0.0.1",
                    "--dapr-grpc-port", grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--dapr-http-port", httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--metrics-port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--resources-path", resources.FullName,
                    "--log-level", "warn",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                // daprd sends APP_API_TOKEN as dapr-api-token on every call to the app, which requires it.
                Environment = { ["APP_API_TOKEN"] = SidecarToken.PerRun },
            })!;
            var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
            sidecar.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
            sidecar.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
            sidecar.BeginOutputReadLine();
            sidecar.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
                await WachtAsync(async () =>
                {
                    try
                    {
                        using var health = await http.GetAsync("/v1.0/healthz", Ct);
                        return health.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                }, () => $"daprd did not become healthy: {string.Join('\n', output)}");

                await using var registry = new ServiceFactory<RegistryService>(await postgres.CreateDatabaseAsync("realdapr-registry", Ct), identity,
                    new Dictionary<string, string?>
                    {
                        ["Eventing:Mode"] = "Dapr",
                        ["Eventing:DaemonMode"] = "Solo",
                        ["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{grpcPort}",
                        ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{httpPort}",
                    });
                using var ienw = await registry.ClientAsync("ienw", Ct);
                await Scenario.RegistreerAsync(ienw, "ODRD");

                using var reader = await assessment.ClientAsync("ipo", Ct);
                JsonElement od = default;
                await WachtAsync(async () =>
                {
                    using var response = await reader.GetAsync("/beoordeling/v1/omgevingsdiensten/ODRD", Ct);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        return false;
                    }

                    od = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                    return true;
                }, () => $"the event did not reach the subscriber through daprd: {string.Join('\n', output)}");
                Assert.Equal("Omgevingsdienst ODRD", od.GetProperty("naam").GetString());
            }
            finally
            {
                sidecar.Kill(entireProcessTree: true);
                await sidecar.WaitForExitAsync(CancellationToken.None);
            }
        }
        finally
        {
            resources.Delete(recursive: true);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task WachtAsync(Func<Task<bool>> condition, Func<string> describe) =>
        Eventually.UntilAsync(condition, TimeSpan.FromSeconds(30), describe, Ct, 100);

    private sealed class LoopbackService<T>(string database, DevIdentityServer identity) : ServiceFactory<T>(database, identity)
        where T : class
    {
        public Uri Start() => StartOnLoopback();
    }
}
