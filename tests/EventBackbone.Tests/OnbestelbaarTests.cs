using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>Dead letters and retries of the standalone forwarder, against a fake subscriber that answers as told.</summary>
public sealed partial class OnbestelbaarTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private const string Beheer = "/register/v1/beheer/onbestelbare-berichten";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FakeSubscriber _fake = null!;
    private ServiceFactory<RegistryService> _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSubscriber.StartAsync(Ct);
        _registry = await RegistryAsync(_fake, "onbestelbaar");
    }

    /// <summary>The registry forwarding to <paramref name="fake"/> alone, retrying quickly.</summary>
    private async Task<ServiceFactory<RegistryService>> RegistryAsync(FakeSubscriber fake, string database)
    {
        var registry = new ServiceFactory<RegistryService>(await postgres.CreateDatabaseAsync(database, Ct), identity.Server,
            new Dictionary<string, string?>
            {
                ["Eventing:DaemonMode"] = "Solo",
                ["Eventing:Subscribers:0"] = fake.Address.ToString(),
                ["Eventing:MaxRetryDelay"] = "00:00:00.200",
                ["Logging:LogLevel:RobuustOD.EventBackbone.Outgoing.IntegrationEventForwarder"] = "Error",
            });
        _ = registry.Server;
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task een_gedropt_bericht_wordt_onbestelbaar_de_rest_gaat_door_en_herbezorging_levert_hetzelfde_cloudevent()
    {
        var weigeren = true;
        _fake.Antwoord = ce => weigeren && ce.GetProperty("subject").GetString() == "ODA" ? (200, "DROP") : (200, "SUCCESS");
        using var ienw = await _registry.ClientAsync("ienw", Ct);
        foreach (var code in new[] { "ODA", "ODB", "ODC" })
        {
            await RegistreerAsync(ienw, code);
        }

        // The forwarder went on after the drop: B and C arrived, once each.
        await _fake.WachtTotAsync(o => o.Count(x => x.Geaccepteerd) == 2, Timeout, Ct);
        var ontvangen = _fake.Ontvangen;
        Assert.Equal(["ODA", "ODB", "ODC"], ontvangen.Select(o => o.Subject));
        Assert.Equal([(200, "DROP"), (200, "SUCCESS"), (200, "SUCCESS")], ontvangen.Select(o => (o.StatusCode, o.Status)));
        var gedropt = ontvangen[0];

        // The dead letter commits with the checkpoint, at the end of the forwarder's page.
        await Eventually.UntilAsync(async () => (await LijstAsync(ienw)).Count > 0, Timeout, () => Task.FromResult("no dead letter"), Ct);
        var bericht = Assert.Single(await LijstAsync(ienw));
        Assert.Equal(gedropt.Id, bericht.GetProperty("cloudEventId").GetString());
        Assert.Equal("nl.robuustod.register.omgevingsdienst-geregistreerd.v1", bericht.GetProperty("type").GetString());
        Assert.Equal("ODA", bericht.GetProperty("onderwerp").GetString());
        Assert.Equal($"standalone-127.0.0.1-{_fake.Address.Port}", bericht.GetProperty("bestemming").GetString());
        Assert.False(string.IsNullOrWhiteSpace(bericht.GetProperty("reden").GetString()));
        Assert.Equal(JsonValueKind.Null, bericht.GetProperty("herbezorgdOp").ValueKind);

        // The checkpoint moved past the dropped event: a later event is delivered without A coming again.
        await RegistreerAsync(ienw, "ODD");
        await _fake.WachtTotAsync(o => o.Any(x => x.Subject == "ODD"), Timeout, Ct);
        Assert.Single(_fake.Ontvangen, o => o.Subject == "ODA");

        // Only IenW manages dead letters.
        using (var ipo = await _registry.ClientAsync("ipo", Ct))
        using (var verboden = await ipo.GetAsync(Beheer, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, verboden.StatusCode);
        }

        // Mended: deliver it again, the same CloudEvent.
        weigeren = false;
        var id = bericht.GetProperty("id").GetString();
        using var herbezorging = await ienw.PostAsync($"{Beheer}/{id}/herbezorging", null, Ct);
        Assert.Equal(HttpStatusCode.OK, herbezorging.StatusCode);
        var resultaat = await herbezorging.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual(JsonValueKind.Null, resultaat.GetProperty("herbezorgdOp").ValueKind);

        var opnieuw = _fake.Ontvangen.Where(o => o.Subject == "ODA").ToList();
        Assert.Equal(2, opnieuw.Count);
        Assert.True(opnieuw[1].Geaccepteerd);
        Assert.Equal(gedropt.Id, opnieuw[1].Id);
        Assert.Equal(gedropt.Body, opnieuw[1].Body);
        Assert.Equal("application/cloudevents+json", opnieuw[1].ContentType);

        var naHerbezorging = Assert.Single(await LijstAsync(ienw));
        Assert.Equal(resultaat.GetProperty("herbezorgdOp").GetDateTimeOffset(), naHerbezorging.GetProperty("herbezorgdOp").GetDateTimeOffset());
    }

    [Fact]
    public async Task herbezorging_die_weer_mislukt_geeft_409_en_laat_het_bericht_onbestelbaar()
    {
        _fake.Antwoord = _ => (200, "DROP");
        using var ienw = await _registry.ClientAsync("ienw", Ct);
        await RegistreerAsync(ienw, "ODZ");
        await Eventually.UntilAsync(async () => (await LijstAsync(ienw)).Count == 1, Timeout, () => Task.FromResult("no dead letter"), Ct);
        var id = (await LijstAsync(ienw))[0].GetProperty("id").GetString();

        using var herbezorging = await ienw.PostAsync($"{Beheer}/{id}/herbezorging", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, herbezorging.StatusCode);
        Assert.Equal("application/problem+json", herbezorging.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Null, Assert.Single(await LijstAsync(ienw)).GetProperty("herbezorgdOp").ValueKind);

        using var onbekend = await ienw.PostAsync($"{Beheer}/{Guid.NewGuid()}/herbezorging", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, onbekend.StatusCode);
    }

    [Fact]
    public async Task een_abonnee_die_een_tijd_500_geeft_krijgt_daarna_alles_op_volgorde()
    {
        var storing = true;
        _fake.Antwoord = _ => storing ? (500, null) : (200, "SUCCESS");
        using var ienw = await _registry.ClientAsync("ienw", Ct);
        foreach (var code in new[] { "ODK", "ODL", "ODM" })
        {
            await RegistreerAsync(ienw, code);
        }

        foreach (var naam in new[] { "Een", "Twee" })
        {
            foreach (var code in new[] { "ODL", "ODK" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"/register/v1/omgevingsdiensten/{code}")
                {
                    Content = JsonContent.Create(new { naam = $"{code} {naam}" }),
                };
                using var response = await ienw.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        // Retried, with the checkpoint held: several failed attempts of the first event, nothing further.
        await _fake.WachtTotAsync(o => o.Count >= 4, Timeout, Ct);
        Assert.All(_fake.Ontvangen, o => Assert.Equal("ODK", o.Subject));
        storing = false;

        await using var session = _registry.Store.QuerySession();
        var opgeslagen = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(7, opgeslagen.Count);
        await _fake.WachtTotAsync(o => o.Count(x => x.Geaccepteerd) >= opgeslagen.Count, Timeout, Ct);
        await Task.Delay(300, Ct);

        var geaccepteerd = _fake.Geaccepteerd;
        Assert.Equal(opgeslagen.Select(e => e.Id.ToString()), geaccepteerd.Select(o => o.Id));
        var volgnummers = geaccepteerd.Select(o => long.Parse(o.Sequence, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(opgeslagen.Select(e => e.Sequence), volgnummers);
        Assert.True(volgnummers.Zip(volgnummers.Skip(1)).All(p => p.First < p.Second), "sequence must increase strictly");
        Assert.Empty(await LijstAsync(ienw));
    }

    private static async Task RegistreerAsync(HttpClient ienw, string code)
    {
        using var response = await ienw.PostAsJsonAsync("/register/v1/omgevingsdiensten",
            new { code, naam = $"Omgevingsdienst {code}", provincies = new[] { "Limburg" }, opgerichtOp = "2013-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<List<JsonElement>> LijstAsync(HttpClient ienw)
    {
        var body = await ienw.GetFromJsonAsync<JsonElement>(Beheer, Ct);
        return [.. body.GetProperty("berichten").EnumerateArray()];
    }
}
