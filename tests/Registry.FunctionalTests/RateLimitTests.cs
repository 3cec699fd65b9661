using System.Net;
using System.Net.Http.Json;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>OWASP API4: a client's writes are limited per minute; its reads and other clients are not.</summary>
public sealed class RateLimitTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly DevIdentityServer _identity = new();
    private ServiceFactory<RegistryService> _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = new ServiceFactory<RegistryService>(
        await postgres.CreateDatabaseAsync("ratelimit", Ct), _identity, new Dictionary<string, string?> { ["Limits:WritesPerMinute"] = "3" });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task de_vierde_schrijfactie_binnen_een_minuut_geeft_429_en_lezen_blijft_kunnen()
    {
        using var ienw = await _app.ClientAsync("ienw", Ct);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await ienw.PostAsJsonAsync("/register/v1/omgevingsdiensten",
                new { code = $"RL{i}X", naam = "X", provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var voor = await _app.EventCountAsync(Ct);
        using var teVeel = await ienw.PostAsJsonAsync("/register/v1/omgevingsdiensten",
            new { code = "RL9X", naam = "X", provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, Ct);
        await teVeel.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("60", teVeel.Headers.RetryAfter?.ToString());
        Assert.Equal(voor, await _app.EventCountAsync(Ct));

        using var lezen = await ienw.GetAsync("/register/v1/omgevingsdiensten/RL0X", Ct);
        Assert.Equal(HttpStatusCode.OK, lezen.StatusCode);
    }
}
