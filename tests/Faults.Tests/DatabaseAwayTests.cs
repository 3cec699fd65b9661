using System.Net;
using System.Net.Http.Json;
using RobuustOD.LocalPostgres;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Faults.Tests;

/// <summary>
/// PostgreSQL stopped and started under a running service: clients see 503 with Retry-After and a problem (never a
/// 500), nothing is half-written, and the service recovers by itself once the database is back.
/// </summary>
public sealed class DatabaseAwayTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;
    private DevIdentityServer _identity = null!;
    private ServiceFactory<RegistryService> _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await PostgresCluster.StartThrowawayAsync(new PostgresClusterOptions { Database = "register" }, Ct);
        _identity = new DevIdentityServer();
        _registry = new ServiceFactory<RegistryService>(_cluster.ConnectionString, _identity);
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _identity.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Theory]
    [InlineData("fast")] // the server shuts down: open sessions are ended (57P01), then connections are refused
    [InlineData("immediate")] // as after a crash
    public async Task While_the_database_is_away_writes_and_reads_answer_503_and_afterwards_everything_works(string stopMode)
    {
        using var http = await _registry.ClientAsync("ienw", Ct);
        using (var voor = await Registreer(http, "ODVOOR"))
        {
            Assert.Equal(HttpStatusCode.Created, voor.StatusCode);
        }

        await _cluster.StopServerAsync(stopMode, Ct);
        try
        {
            using var schrijven = await Registreer(http, "ODWEG");
            await schrijven.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(5), schrijven.Headers.RetryAfter?.Delta);

            using var lezen = await http.GetAsync("/register/v1/omgevingsdiensten/ODVOOR", Ct);
            await lezen.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(lezen.Headers.RetryAfter);

            using var zoeken = await http.GetAsync("/register/v1/omgevingsdiensten", Ct);
            await zoeken.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

            using var gereed = await http.GetAsync("/health/ready", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, gereed.StatusCode);
        }
        finally
        {
            await _cluster.StartServerAsync(Ct);
        }

        // Back without a restart of the service: the first attempts may still meet a dead pooled connection (503).
        var status = HttpStatusCode.ServiceUnavailable;
        await Eventually.UntilAsync(async () =>
        {
            using var opnieuw = await Registreer(http, "ODWEG");
            status = opnieuw.StatusCode;
            return status == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30), () => $"last answer {(int)status}", Ct, pollMilliseconds: 200);

        using var na = await http.GetAsync("/register/v1/omgevingsdiensten/ODWEG", Ct);
        Assert.Equal(HttpStatusCode.OK, na.StatusCode);
        // The refused write left nothing behind: ODWEG was registered once, by the attempt that succeeded.
        using var historie = await http.GetAsync("/register/v1/omgevingsdiensten/ODWEG/historie", Ct);
        var gebeurtenissen = (await historie.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("gebeurtenissen");
        Assert.Equal(1, gebeurtenissen.GetArrayLength());
    }

    private static Task<HttpResponseMessage> Registreer(HttpClient http, string code) =>
        http.PostAsJsonAsync("/register/v1/omgevingsdiensten",
            new { code, naam = $"Omgevingsdienst {code}", provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);
}
