using System.Net.Http.Json;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>The registry on its own fresh database, with the development identity provider, per test class.</summary>
public sealed class RegistryFixture(PostgresServer postgres) : IAsyncLifetime
{
    public DevIdentityServer Identity { get; } = new();

    public ServiceFactory<RegistryService> App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync("register", TestContext.Current.CancellationToken);
        App = new ServiceFactory<RegistryService>(database, Identity);
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

/// <summary>Shared helpers: clients per role and a few register commands in their HTTP form.</summary>
public abstract class RegistryTest(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    protected const string Base = "/register/v1";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ServiceFactory<RegistryService> App => fixture.App;

    protected Task<HttpClient> Anoniem() => App.ClientAsync(null, Ct);

    protected Task<HttpClient> Ienw() => App.ClientAsync("ienw", Ct);

    protected Task<HttpClient> Als(string clientId) => App.ClientAsync(clientId, Ct);

    /// <summary>A code no other test in the class uses (tests share the class's database).</summary>
    protected static string NieuweCode(string prefix = "T") => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    protected async Task<string> RegistreerAsync(string? code = null, string provincie = "Utrecht", string? opgerichtOp = "2015-01-01")
    {
        code ??= NieuweCode();
        using var client = await Ienw();
        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
            new { code, naam = $"Omgevingsdienst {code}", provincies = new[] { provincie }, aantalDeelnemers = 7, opgerichtOp }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    protected async Task<System.Text.Json.JsonElement> GetJsonAsync(string url)
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
    }
}
