using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;
using JasperFx.Events;
using Marten;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>The registry in Dapr mode against a fake sidecar: the exact PublishEvent calls it makes.</summary>
public sealed class DaprSidecarTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FakeDaprSidecar _sidecar = null!;
    private ServiceFactory<RegistryService> _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sidecar = await FakeDaprSidecar.StartAsync(Ct);
        _registry = await Scenario.DaprRegistryAsync(postgres, identity.Server, _sidecar, "dapr-sidecar");
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task registratie_en_fusie_worden_gepubliceerd_als_nl_gov_cloudevents_in_volgorde_van_de_store()
    {
        using var ienw = await _registry.ClientAsync("ienw", Ct);
        await Scenario.FusieAsync(ienw);

        var verwacht = await Scenario.GepubliceerdeEventsAsync(_registry);
        await _sidecar.WachtTotAsync(calls => calls.Count >= verwacht.Count, Timeout, Ct);
        await Task.Delay(200, Ct);
        var calls = _sidecar.Geaccepteerd;

        Assert.Equal(verwacht.Count, calls.Count);
        Assert.Equal(verwacht.Count, _sidecar.Pogingen.Count);
        Assert.Equal(
            [
                ("ODRA", "nl.robuustod.register.omgevingsdienst-geregistreerd.v1"),
                ("ODRN", "nl.robuustod.register.omgevingsdienst-geregistreerd.v1"),
                ("ODRN", "nl.robuustod.register.seveso-aangewezen.v1"),
            ],
            calls.Take(3).Select(c => (c.Metadata["partitionKey"], c.Metadata["cloudevent.type"])));
        Assert.Contains(calls, c => c.Metadata["partitionKey"] == "ODRA" && c.Metadata["cloudevent.type"] == "nl.robuustod.register.fusie-voltooid.v1");
        Assert.Contains(calls, c => c.Metadata["partitionKey"] == "ODRN" && c.Metadata["cloudevent.type"] == "nl.robuustod.register.fusie-voltooid.v1");
        Assert.Contains(calls, c => c.Metadata["partitionKey"] == "ODGM" && c.Metadata["cloudevent.type"] == "nl.robuustod.register.omgevingsdienst-geregistreerd.v1");

        foreach (var (call, (stored, payload)) in calls.Zip(verwacht))
        {
            AssertPublishEvent(call, stored, payload);
        }
    }

    [Fact]
    public async Task een_sidecar_die_eerst_onbereikbaar_is_krijgt_alles_zonder_verlies_of_herordening()
    {
        _sidecar.WeigerVolgende(4);
        using var ienw = await _registry.ClientAsync("ienw", Ct);
        await Scenario.FusieAsync(ienw);

        var verwacht = await Scenario.GepubliceerdeEventsAsync(_registry);
        await _sidecar.WachtTotAsync(calls => calls.Count >= verwacht.Count, Timeout, Ct);
        await Task.Delay(200, Ct);

        var pogingen = _sidecar.Pogingen;
        Assert.Equal(verwacht.Count + 4, pogingen.Count);
        // The first event was tried until the sidecar took it; nothing after it was tried meanwhile.
        Assert.All(pogingen.Take(5), p => Assert.Equal(verwacht[0].Stored.Id.ToString(), p.Metadata["cloudevent.id"]));
        var calls = _sidecar.Geaccepteerd;
        Assert.Equal(verwacht.Select(v => v.Stored.Id.ToString()), calls.Select(c => c.Metadata["cloudevent.id"]));
        foreach (var (call, (stored, payload)) in calls.Zip(verwacht))
        {
            AssertPublishEvent(call, stored, payload);
        }
    }

    [Fact]
    public async Task een_event_dat_de_sidecar_weigert_als_ongeldig_wordt_onbestelbaar_en_de_rest_gaat_door()
    {
        _sidecar.Fout = call => call.Metadata["partitionKey"] == "ODRA" ? StatusCode.InvalidArgument : null;
        using var ienw = await _registry.ClientAsync("ienw", Ct);
        await Scenario.RegistreerAsync(ienw, "ODRA");
        await Scenario.RegistreerAsync(ienw, "ODRN");

        await _sidecar.WachtTotAsync(calls => calls.Any(c => c.Metadata["partitionKey"] == "ODRN"), Timeout, Ct);
        await Eventually.UntilAsync(async () => (await ienw.GetFromJsonAsync<JsonElement>("/register/v1/beheer/onbestelbare-berichten", Ct))
                .GetProperty("berichten").GetArrayLength() == 1,
            Timeout, () => Task.FromResult("no dead letter"), Ct);

        var bericht = (await ienw.GetFromJsonAsync<JsonElement>("/register/v1/beheer/onbestelbare-berichten", Ct)).GetProperty("berichten")[0];
        Assert.Equal("dapr", bericht.GetProperty("bestemming").GetString());
        Assert.Equal("ODRA", bericht.GetProperty("onderwerp").GetString());
        Assert.Single(_sidecar.Pogingen, p => p.Metadata["partitionKey"] == "ODRA");

        // Mended sidecar: the operator has it delivered again, same CloudEvent.
        _sidecar.Fout = _ => null;
        using var herbezorging = await ienw.PostAsync($"/register/v1/beheer/onbestelbare-berichten/{bericht.GetProperty("id").GetString()}/herbezorging", null, Ct);
        Assert.Equal(HttpStatusCode.OK, herbezorging.StatusCode);
        var geleverd = Assert.Single(_sidecar.Geaccepteerd, c => c.Metadata["partitionKey"] == "ODRA");
        Assert.Equal(bericht.GetProperty("cloudEventId").GetString(), geleverd.Metadata["cloudevent.id"]);
        var (stored, payload) = (await Scenario.GepubliceerdeEventsAsync(_registry)).Single(e => e.Stored.StreamKey == "ODRA");
        AssertPublishEvent(geleverd, stored, payload);
    }

    private static void AssertPublishEvent(PublishEventRequest call, IEvent stored, object payload)
    {
        var type = RobuustOD.Contracts.Eventing.IntegrationEventCatalogue.Describe(payload.GetType()).Type;
        var source = $"urn:nld:oin:{Scenario.Oin}:systeem:robuustod-register";
        Assert.Equal("robuustod-pubsub", call.PubsubName);
        Assert.Equal("register", call.Topic);
        Assert.Equal("application/cloudevents+json", call.DataContentType);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["cloudevent.id"] = stored.Id.ToString(),
                ["cloudevent.source"] = source,
                ["cloudevent.type"] = type,
                ["partitionKey"] = stored.StreamKey!,
            }.OrderBy(kv => kv.Key),
            call.Metadata.OrderBy(kv => kv.Key));

        var cloudEvent = JsonNode.Parse(call.Data.ToByteArray())!.AsObject();
        Assert.Equal(
            ["data", "datacontenttype", "id", "sequence", "source", "specversion", "subject", "time", "type"],
            cloudEvent.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("1.0", (string?)cloudEvent["specversion"]);
        Assert.Equal(stored.Id.ToString(), (string?)cloudEvent["id"]);
        Assert.Equal(source, (string?)cloudEvent["source"]);
        Assert.Equal(type, (string?)cloudEvent["type"]);
        Assert.Equal(stored.StreamKey, (string?)cloudEvent["subject"]);
        Assert.Equal("application/json", (string?)cloudEvent["datacontenttype"]);
        Assert.Equal(stored.Sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture), (string?)cloudEvent["sequence"]);
        var time = DateTimeOffset.Parse((string)cloudEvent["time"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(stored.Timestamp.ToUniversalTime(), time);
        var expectedData = JsonSerializer.SerializeToNode(payload, payload.GetType(), RobuustOD.Contracts.ContractJson.Options);
        Assert.True(JsonNode.DeepEquals(expectedData, cloudEvent["data"]), $"data {cloudEvent["data"]?.ToJsonString()} != {expectedData?.ToJsonString()}");
    }
}
