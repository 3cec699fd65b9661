using System.Net;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>SSRF: outside Development a sink on loopback, a private address or plain http is refused at creation (400), nothing stored.</summary>
public sealed class BestemmingTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly DevIdentityServer _identity = new();
    private ServiceFactory<NotificationsService> _app = null!;
    private Ontvanger _ontvanger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ontvanger = await Ontvanger.StartAsync();
        var database = await postgres.CreateDatabaseAsync("notificaties-ssrf", Ct);
        _app = new ServiceFactory<NotificationsService>(database, _identity,
            NotificatiesFixture.Instellingen(_ontvanger, new() { ["Notificaties:LokaleBestemmingenToegestaan"] = "false" }));
        _ = _app.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _ontvanger.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Theory]
    [InlineData("http://ontvanger.example.nl/webhook", "https")]
    [InlineData("https://127.0.0.1/webhook", "loopback")]
    [InlineData("https://localhost/webhook", "loopback")]
    [InlineData("https://[::1]/webhook", "loopback")]
    [InlineData("https://10.0.0.1/webhook", "intern")]
    [InlineData("https://169.254.169.254/latest/meta-data", "intern")]
    [InlineData("https://192.168.1.10/webhook", "intern")]
    public async Task een_interne_of_onversleutelde_bestemming_wordt_geweigerd(string sink, string reden)
    {
        var voor = await _app.EventCountAsync(Ct);
        using var client = await _app.ClientAsync("ienw", Ct);
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/notificaties/v1/abonnementen",
            new { sink, types = new[] { "register" }, contact = "beheer@example.nl" }, Ct);
        var problem = await response.AssertOngeldigAsync("sink");
        Assert.Contains(reden, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(voor, await _app.EventCountAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ook_het_oauth2_tokenendpoint_valt_onder_de_regel()
    {
        using var client = await _app.ClientAsync("ienw", Ct);
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/notificaties/v1/abonnementen",
            new
            {
                sink = "https://127.0.0.1/webhook", types = new[] { "register" }, contact = "beheer@example.nl",
                authenticatie = new { soort = "oauth2", tokenUrl = "https://10.1.1.1/token", clientId = "x", clientSecret = "y" },
            }, Ct);
        await response.AssertOngeldigAsync("sink");
    }
}
