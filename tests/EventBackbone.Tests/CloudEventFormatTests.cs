using System.Net;
using System.Net.Mime;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Npgsql;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>Our CloudEvents as the CNCF CloudEvents SDK reads them, and their ids across redeliveries.</summary>
public sealed partial class CloudEventFormatTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly CloudEventAttribute Sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);

    private readonly List<IAsyncDisposable> _hosts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

    }

    [Fact]
    public async Task standalone_cloudevents_zijn_geldig_volgens_de_sdk_en_gelijk_voor_elke_abonnee()
    {
        var eerste = await Start(FakeSubscriber.StartAsync(Ct));
        var tweede = await Start(FakeSubscriber.StartAsync(Ct));
        var database = await postgres.CreateDatabaseAsync("cloudevent-format", Ct);
        var registry = Standalone(database, eerste, tweede);
        using var ienw = await registry.ClientAsync("ienw", Ct);
        await Scenario.FusieAsync(ienw);
        var verwacht = (await Scenario.GepubliceerdeEventsAsync(registry)).Count;

        await eerste.WachtTotAsync(o => o.Count >= verwacht, Timeout, Ct);
        await tweede.WachtTotAsync(o => o.Count >= verwacht, Timeout, Ct);

        foreach (var ontvangst in eerste.Ontvangen)
        {
            Assert.Equal("application/cloudevents+json", ontvangst.ContentType);
            AssertNlGov(ontvangst.Body);
        }

        // One stored event, one CloudEvent: the same id and the same bytes for every sink.
        Assert.Equal(eerste.Ontvangen.Select(o => o.Body), tweede.Ontvangen.Select(o => o.Body));
    }

    [Fact]
    public async Task een_herbezorging_na_herstart_met_teruggezet_checkpoint_heeft_dezelfde_id()
    {
        var fake = await Start(FakeSubscriber.StartAsync(Ct));
        var database = await postgres.CreateDatabaseAsync("cloudevent-redelivery", Ct);
        var registry = Standalone(database, fake);
        using (var ienw = await registry.ClientAsync("ienw", Ct))
        {
            await Scenario.RegistreerAsync(ienw, "ODRA");
            await Scenario.RegistreerAsync(ienw, "ODRN");
        }

        await fake.WachtTotAsync(o => o.Count == 2, Timeout, Ct);
        var eersteKeer = fake.Ontvangen;
        _hosts.Remove(registry);
        await registry.DisposeAsync();

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(Ct);
            await using var reset = new NpgsqlCommand("delete from register.mt_event_progression where name like 'forwarder-%'", connection);
            Assert.True(await reset.ExecuteNonQueryAsync(Ct) >= 1, "no forwarder checkpoint to reset");
        }

        Standalone(database, fake);
        await fake.WachtTotAsync(o => o.Count == 4, Timeout, Ct);

        var tweedeKeer = fake.Ontvangen.Skip(2).ToList();
        Assert.Equal(eersteKeer.Select(o => o.Id), tweedeKeer.Select(o => o.Id));
        Assert.Equal(eersteKeer.Select(o => o.Body), tweedeKeer.Select(o => o.Body));
        foreach (var ontvangst in tweedeKeer)
        {
            AssertNlGov(ontvangst.Body);
        }
    }

    [Fact]
    public async Task via_de_sidecar_gepubliceerde_cloudevents_zijn_geldig_volgens_de_sdk()
    {
        var sidecar = await Start(FakeDaprSidecar.StartAsync(Ct));
        var registry = await Scenario.DaprRegistryAsync(postgres, identity.Server, sidecar, "cloudevent-dapr");
        _hosts.Add(registry);
        using var ienw = await registry.ClientAsync("ienw", Ct);
        await Scenario.FusieAsync(ienw);
        var verwacht = (await Scenario.GepubliceerdeEventsAsync(registry)).Count;

        await sidecar.WachtTotAsync(calls => calls.Count >= verwacht, Timeout, Ct);

        foreach (var call in sidecar.Geaccepteerd)
        {
            var cloudEvent = AssertNlGov(call.Data.ToByteArray());
            Assert.Equal(call.Metadata["cloudevent.id"], cloudEvent.Id);
            Assert.Equal(call.Metadata["cloudevent.source"], cloudEvent.Source!.OriginalString);
            Assert.Equal(call.Metadata["cloudevent.type"], cloudEvent.Type);
            Assert.Equal(call.Metadata["partitionKey"], cloudEvent.Subject);
        }
    }

    private static CloudEvent AssertNlGov(byte[] body)
    {
        var formatter = new JsonEventFormatter();
        var cloudEvent = formatter.DecodeStructuredModeMessage(body, new ContentType("application/cloudevents+json"), [Sequence]);

        Assert.True(cloudEvent.IsValid);
        Assert.Equal(CloudEventsSpecVersion.V1_0, cloudEvent.SpecVersion);
        Assert.True(Guid.TryParse(cloudEvent.Id, out _), $"id '{cloudEvent.Id}' is not a GUID");
        Assert.Matches(SourcePattern(), cloudEvent.Source!.OriginalString);
        Assert.Matches(TypePattern(), cloudEvent.Type!);
        Assert.NotNull(cloudEvent.Time);
        Assert.Equal(TimeSpan.Zero, cloudEvent.Time!.Value.Offset);
        Assert.InRange(cloudEvent.Time.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Matches("^OD[A-Z]+$", cloudEvent.Subject!);
        Assert.Equal("application/json", cloudEvent.DataContentType);
        Assert.Matches("^[0-9]{19}$", (string)cloudEvent[Sequence]!);
        var data = Assert.IsType<JsonElement>(cloudEvent.Data);
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Equal(cloudEvent.Subject, data.GetProperty("code").GetString());

        // The time as written: RFC 3339 in UTC ("Z").
        using var raw = JsonDocument.Parse(body);
        Assert.EndsWith("Z", raw.RootElement.GetProperty("time").GetString(), StringComparison.Ordinal);
        return cloudEvent;
    }

    private ServiceFactory<RegistryService> Standalone(string database, params FakeSubscriber[] subscribers)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Eventing:DaemonMode"] = "Solo",
            ["Eventing:Oin"] = Scenario.Oin,
            ["Eventing:MaxRetryDelay"] = "00:00:00.200",
            ["Logging:LogLevel:RobuustOD.EventBackbone.Outgoing.IntegrationEventForwarder"] = "Error",
        };
        foreach (var (subscriber, index) in subscribers.Select((s, i) => (s, i)))
        {
            settings[$"Eventing:Subscribers:{index}"] = subscriber.Address.ToString();
        }

        var registry = new ServiceFactory<RegistryService>(database, identity.Server, settings);
        _ = registry.Server;
        _hosts.Add(registry);
        return registry;
    }

    private async Task<T> Start<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        var host = await starting;
        _hosts.Add(host);
        return host;
    }

    [GeneratedRegex("^urn:nld:oin:[0-9]{20}:systeem:[a-z-]+$")]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"^nl\.robuustod\.register\.[a-z-]+\.v1$")]
    private static partial Regex TypePattern();
}
