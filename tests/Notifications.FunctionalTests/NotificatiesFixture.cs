using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RobuustOD.Contracts.Eventing;
using RobuustOD.TestInfrastructure.Services;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>
/// The notification service on its own fresh database per test class, with a short retry schedule (0.2, 0.3, 0.4 s), a
/// dispatcher that looks every 100 ms, and a real loopback receiver that is also the subscriber of its alerts.
/// </summary>
public sealed class NotificatiesFixture(PostgresServer postgres) : IAsyncLifetime
{
    public DevIdentityServer Identity { get; } = new();

    public Ontvanger Ontvanger { get; private set; } = null!;

    public ServiceFactory<NotificationsService> App { get; private set; } = null!;

    public string Database { get; private set; } = "";

    public static Dictionary<string, string?> Instellingen(Ontvanger ontvanger, Dictionary<string, string?>? extra = null)
    {
        var instellingen = new Dictionary<string, string?>
        {
            ["Notificaties:Herhaalschema:0"] = "00:00:00.2",
            ["Notificaties:Herhaalschema:1"] = "00:00:00.3",
            ["Notificaties:Herhaalschema:2"] = "00:00:00.4",
            ["Notificaties:PollInterval"] = "00:00:00.1",
            ["Notificaties:PogingTimeout"] = "00:00:01.5",
            ["Notificaties:OnderbrekerDrempel"] = "20",
            ["Notificaties:OnderbrekerVenster"] = "00:00:02",
            ["Notificaties:OnderbrekingsDuur"] = "00:00:00.5",
            ["Notificaties:Bronnen:register"] = "https://api.example.nl/register/v1",
            ["Eventing:Subscribers:0"] = ontvanger.Basis.ToString(),
            ["Eventing:MaxRetryDelay"] = "00:00:00.5",
        };
        foreach (var (k, v) in extra ?? [])
        {
            instellingen[k] = v;
        }

        return instellingen;
    }

    public async ValueTask InitializeAsync()
    {
        Ontvanger = await Ontvanger.StartAsync();
        Database = await postgres.CreateDatabaseAsync("notificaties", TestContext.Current.CancellationToken);
        App = new ServiceFactory<NotificationsService>(Database, Identity, Instellingen(Ontvanger));
        _ = App.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Ontvanger.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

/// <summary>Clients per role, subscriptions through the API, and events posted as the backbone delivers them.</summary>
public abstract class NotificatiesTest(NotificatiesFixture fixture) : IClassFixture<NotificatiesFixture>
{
    protected const string Base = "/notificaties/v1";

    protected const string Gewijzigd = "nl.robuustod.register.omgevingsdienst-gewijzigd.v1";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ServiceFactory<NotificationsService> App => fixture.App;

    protected Ontvanger Ontvanger => fixture.Ontvanger;

    protected NotificatiesFixture Fixture => fixture;

    protected Task<HttpClient> Client(string clientId) => App.ClientAsync(clientId, Ct);

    protected static string NieuweOd() => "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    protected static object Abonnement(string sink, string[] types, object? filters = null, object? authenticatie = null, bool informatiearm = false) => new
    {
        sink,
        types,
        filters,
        authenticatie,
        contact = "beheer@ontvanger.example.nl",
        abonneeReferentie = "test",
        informatiearm,
    };

    protected async Task<HttpResponseMessage> PostAsync(string clientId, string pad, object? body = null)
    {
        using var client = await Client(clientId);
        return body is null ? await client.PostAsync($"{Base}{pad}", null, Ct) : await client.PostAsJsonAsync($"{Base}{pad}", body, Ct);
    }

    protected async Task<JsonElement> GetAsync(string clientId, string pad)
    {
        using var client = await Client(clientId);
        using var response = await client.GetAsync($"{Base}{pad}", Ct);
        return await response.AssertJsonAsync();
    }

    /// <summary>A subscription of <paramref name="clientId"/> (the handshake passes): its id and secret.</summary>
    protected async Task<(string Id, string Geheim)> AbonneerAsync(string clientId, string sink, string[] types, object? filters = null,
        object? authenticatie = null, bool informatiearm = false)
    {
        using var response = await PostAsync(clientId, "/abonnementen", Abonnement(sink, types, filters, authenticatie, informatiearm));
        var json = await response.AssertJsonAsync(HttpStatusCode.Created);
        return (json.GetProperty("abonnement").GetProperty("id").GetString()!, json.GetProperty("geheim").GetString()!);
    }

    /// <summary>An event on <paramref name="topic"/> as the backbone delivers it (structured CloudEvent, the sidecar's token); its id.</summary>
    protected async Task<string> PubliceerAsync(string topic, string type, string subject, object data, long? sequence = null)
    {
        var id = Guid.NewGuid().ToString();
        var cloudEvent = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = CloudEventSource.For("00000000000000000000", PubSub.PublisherOf(topic)),
            ["type"] = type,
            ["subject"] = subject,
            ["time"] = DateTimeOffset.UtcNow.ToString("O"),
            ["datacontenttype"] = "application/json",
            ["sequence"] = (sequence ?? Random.Shared.NextInt64(1, 1_000_000)).ToString("D19", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        using var client = App.SidecarClient();
        using var content = new StringContent(JsonSerializer.Serialize(cloudEvent, JsonSerializerOptions.Web), Encoding.UTF8, "application/cloudevents+json");
        using var response = await client.PostAsync($"/events/{topic}", content, Ct);
        var json = await response.AssertJsonAsync();
        Assert.Equal("SUCCESS", json.GetProperty("status").GetString());
        return id;
    }

    protected Task<string> WijzigOdAsync(string od, string naam) =>
        PubliceerAsync("register", Gewijzigd, od, new { code = od, naam, provincies = new[] { "Utrecht" }, aantalDeelnemers = (int?)null });

    /// <summary>Waits until the path has accepted <paramref name="aantal"/> events (not counting test events).</summary>
    protected async Task<IReadOnlyList<Ontvangen>> WachtOpAsync(string pad, int aantal, TimeSpan? hoogstens = null)
    {
        await Eventually.UntilAsync(() => Ontvanger.Van(pad).Count >= aantal, hoogstens ?? TimeSpan.FromSeconds(20),
            () => $"{Ontvanger.Van(pad).Count} of {aantal} received on {pad}", Ct);
        return Ontvanger.Van(pad);
    }

    protected async Task<JsonElement> AfleveringenAsync(string clientId, string id, string? status = null) =>
        (await GetAsync(clientId, $"/abonnementen/{id}/afleveringen{(status is null ? "" : "?status=" + status)}")).GetProperty("afleveringen");
}
