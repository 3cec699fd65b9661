using System.Net;
using System.Net.Http.Json;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Npgsql;
using RobuustOD.Assessment;
using RobuustOD.Contracts.Eventing;
using RobuustOD.Contracts.Register;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>
/// The assessment service as a publisher on topic <c>beoordeling</c>, in standalone mode to a fake subscriber: the
/// assessor's draft work stays inside the service; a publication and a revision leave it as CloudEvents of the
/// NL GOV profile, in store order, as the CNCF CloudEvents SDK reads them.
/// </summary>
public sealed class BeoordelingEventsTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private const string Base = "/beoordeling/v1";
    private const string Od = "ODG";
    private const string Source = "urn:nld:oin:00000000000000000000:systeem:robuustod-beoordeling";
    private const string TypePrefix = "nl.robuustod.beoordeling.";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly CloudEventAttribute Sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);

    private FakeSubscriber _fake = null!;
    private string _database = null!;
    private ServiceFactory<AssessmentService> _assessment = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSubscriber.StartAsync(PubSub.Topics.Beoordeling, Ct);
        _database = await postgres.CreateDatabaseAsync("beoordeling-events", Ct);
        _assessment = new ServiceFactory<AssessmentService>(_database, identity.Server, new Dictionary<string, string?>
        {
            ["Eventing:Mode"] = "Standalone",
            ["Eventing:DaemonMode"] = "Solo",
            ["Eventing:Subscribers:0"] = _fake.Address.ToString(),
        });
        _ = _assessment.Server;
    }

    public async ValueTask DisposeAsync()
    {
        // The publisher first: its forwarder would otherwise retry against a stopped subscriber.
        await _assessment.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task alleen_catalogus_publicatie_en_herziening_verlaten_de_dienst_als_cloudevents_in_volgorde()
    {
        await RegistreerOdAsync();
        using var ienw = await _assessment.ClientAsync("ienw", Ct);
        using var beoordelaar = await _assessment.ClientAsync("beoordelaar", Ct);
        foreach (var (nummer, titel) in new[] { (7, "Formatie en begroting"), (9, "Kennisnetwerken") })
        {
            using var toegevoegd = await ienw.PostAsJsonAsync($"{Base}/criteria",
                new { nummer, titel, vraag = (string?)null, drempel = (object?)null, bron = "IenW" }, Ct);
            await toegevoegd.AssertJsonAsync(HttpStatusCode.Created);
        }

        // A new edition of 7 with a threshold: the catalogue's versions leave the service (monitoring and subsidy keep a copy).
        using (var editie = await ienw.PutAsJsonAsync($"{Base}/criteria/7", new
               {
                   titel = "≥ 80% in vaste dienst",
                   vraag = (string?)null,
                   drempel = new { omschrijving = "Ten minste 80% in vaste dienst", grootheid = "aandeel fte in vaste dienst", @operator = ">=", waarde = 80, eenheid = "%" },
                   bron = "IenW",
               }, Ct))
        {
            await editie.AssertJsonAsync();
        }

        await _fake.WachtTotAsync(o => o.Count >= 3, Timeout, Ct);
        var catalogus = _fake.Ontvangen.Take(3).Select(o => AssertCloudEvent(o, "criterium-vastgesteld.v1", "criteriumcatalogus")).ToList();
        Assert.Equal([(7, 1), (9, 1), (7, 2)], catalogus.Select(c => (c.GetProperty("nummer").GetInt32(), c.GetProperty("versie").GetInt32())));
        Assert.Equal(JsonValueKind.Null, catalogus[0].GetProperty("drempel").ValueKind);
        Assert.Equal(">=", catalogus[2].GetProperty("drempel").GetProperty("operator").GetString());
        Assert.Equal(80m, catalogus[2].GetProperty("drempel").GetProperty("waarde").GetDecimal());
        var naCatalogus = _fake.Ontvangen.Count;

        // The draft: opened, two rows scored, the verdict written. None of it may leave the service.
        using (var aangemaakt = await beoordelaar.PostAsJsonAsync($"{Base}/beoordelingen",
                   new { omgevingsdienst = Od, ronde = "2024", planVanAanpak = (Guid?)null }, Ct))
        {
            Assert.Equal($"{Od}-2024", (await aangemaakt.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString());
        }

        var url = $"{Base}/beoordelingen/{Od}-2024";
        using (var rij7 = await beoordelaar.PutAsJsonAsync($"{url}/criteria/7", Rij(staatInPva: 0, haalbaarheid: 3), Ct))
        {
            await rij7.AssertJsonAsync();
        }

        using (var rij9 = await beoordelaar.PutAsJsonAsync($"{url}/criteria/9", Rij(staatInPva: 1, haalbaarheid: 2), Ct))
        {
            await rij9.AssertJsonAsync();
        }

        using (var oordeel = await beoordelaar.PutAsJsonAsync($"{url}/oordeel", new
               {
                   oordeel = "nietZelfstandigRobuust",
                   tekortkomingen = new[] { "Een tijdsplanning per kwartaal ontbreekt." },
                   gesprekOp = "2024-11-20",
                   opmerkingen = (string?)null,
                   geadresseerde = "heer Test",
               }, Ct))
        {
            await oordeel.AssertJsonAsync();
        }

        await WachtTotAllesDoorgestuurdAsync();
        Assert.Equal(3, naCatalogus);
        Assert.Equal(3, _fake.Ontvangen.Count);

        // Publication: one CloudEvent with the traffic lights of every row.
        using (var gepubliceerd = await ienw.PostAsync($"{url}/publicatie", null, Ct))
        {
            await gepubliceerd.AssertJsonAsync();
        }

        await _fake.WachtTotAsync(o => o.Count >= 4, Timeout, Ct);
        await WachtTotAllesDoorgestuurdAsync();
        var publicatie = Assert.Single(_fake.Ontvangen.Skip(3));
        var data = AssertCloudEvent(publicatie, "beoordeling-gepubliceerd.v1");
        Assert.Equal("2024", data.GetProperty("ronde").GetString());
        Assert.Equal(1, data.GetProperty("versie").GetInt32());
        Assert.Equal("nietZelfstandigRobuust", data.GetProperty("oordeel").GetString());
        Assert.Equal([(7, 0, 3), (9, 1, 2)], data.GetProperty("criteria").EnumerateArray()
            .Select(c => (c.GetProperty("nummer").GetInt32(), c.GetProperty("staatInPva").GetInt32(), c.GetProperty("haalbaarheid").GetInt32())));

        // A revision that changes the verdict and row 7's traffic light (red to orange): one CloudEvent each, in store order.
        using (var herzien = await ienw.PostAsJsonAsync($"{url}/herzieningen", new
               {
                   reden = "Na het gesprek op 20 november 2024",
                   oordeel = "nietRobuust",
                   criteria = new[] { new { nummer = 7, specifiekeVraag = (string?)null, maatregel = "Een maatregel uit het plan.",
                       duiding = "Na het gesprek haalbaar met extra inzet.", bronnen = new[] { "PvA (blz 1)" }, staatInPva = 0, haalbaarheid = 2 } },
               }, Ct))
        {
            Assert.Equal(2, (await herzien.AssertJsonAsync()).GetProperty("versie").GetInt32());
        }

        await _fake.WachtTotAsync(o => o.Count >= 6, Timeout, Ct);
        await WachtTotAllesDoorgestuurdAsync();
        Assert.Equal(6, _fake.Ontvangen.Count);
        var (oordeelHerzien, scoreGewijzigd) = (_fake.Ontvangen[4], _fake.Ontvangen[5]);

        var oordeelData = AssertCloudEvent(oordeelHerzien, "oordeel-herzien.v1");
        Assert.Equal("2024", oordeelData.GetProperty("ronde").GetString());
        Assert.Equal(2, oordeelData.GetProperty("versie").GetInt32());
        Assert.Equal("nietZelfstandigRobuust", oordeelData.GetProperty("oud").GetString());
        Assert.Equal("nietRobuust", oordeelData.GetProperty("nieuw").GetString());
        Assert.Equal("Na het gesprek op 20 november 2024", oordeelData.GetProperty("reden").GetString());

        var scoreData = AssertCloudEvent(scoreGewijzigd, "criterium-score-gewijzigd.v1");
        Assert.Equal("2024", scoreData.GetProperty("ronde").GetString());
        Assert.Equal(2, scoreData.GetProperty("versie").GetInt32());
        Assert.Equal(7, scoreData.GetProperty("nummer").GetInt32());
        Assert.Equal(3, scoreData.GetProperty("oudeHaalbaarheid").GetInt32());
        Assert.Equal(2, scoreData.GetProperty("nieuweHaalbaarheid").GetInt32());

        // Store order, and one stored event per CloudEvent.
        var sequences = _fake.Ontvangen.Select(o => o.Sequence).ToList();
        Assert.Equal(sequences.Order(StringComparer.Ordinal), sequences);
        Assert.Equal(6, _fake.Ontvangen.Select(o => o.Id).Distinct().Count());
        Assert.All(_fake.Ontvangen, o => Assert.True(o.Geaccepteerd));
    }

    /// <summary>Tells the service's copy of the register about the OD, as daprd delivers the register's CloudEvent.</summary>
    private async Task RegistreerOdAsync()
    {
        using var http = _assessment.SidecarClient();
        var cloudEvent = DaprdCloudEvent.Voor(new OmgevingsdienstGeregistreerdV1(Od, "Omgevingsdienst Groningen", ["Groningen"], 12, null, []),
            Guid.NewGuid().ToString(), Od);
        using var response = await http.PostAsync("/events/register", DaprdCloudEvent.Content(cloudEvent), Ct);
        Assert.Equal("SUCCESS", (await response.AssertJsonAsync()).GetProperty("status").GetString());
    }

    private static object Rij(int staatInPva, int haalbaarheid) => new
    {
        specifiekeVraag = (string?)null,
        maatregel = "Een maatregel uit het plan.",
        duiding = "De duiding van de beoordelaar.",
        bronnen = new[] { "PvA (blz 1)" },
        staatInPva,
        haalbaarheid,
    };

    /// <summary>
    /// Waits until the forwarder's checkpoint has passed every event in the store: whatever it would send by then, the
    /// fake has received (the checkpoint moves only after delivery).
    /// </summary>
    private async Task WachtTotAllesDoorgestuurdAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        var laatste = await ScalarAsync(connection, "select coalesce(max(seq_id), 0) from beoordeling.mt_events");
        const string checkpoint = "select coalesce(max(last_seq_id), 0) from beoordeling.mt_event_progression where name like 'forwarder-%'";
        await Eventually.UntilAsync(async () => await ScalarAsync(connection, checkpoint) >= laatste, Timeout,
            async () => $"the forwarder's checkpoint is at {await ScalarAsync(connection, checkpoint)}, the store at {laatste}", Ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the delivery with the CNCF SDK, asserts the NL GOV attributes of the assessment's events, and returns the data.</summary>
    private static JsonElement AssertCloudEvent(FakeSubscriber.Ontvangst ontvangst, string type, string subject = Od)
    {
        Assert.Equal("application/cloudevents+json", ontvangst.ContentType);
        var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(ontvangst.Body, new ContentType("application/cloudevents+json"), [Sequence]);

        Assert.True(cloudEvent.IsValid);
        Assert.Equal(CloudEventsSpecVersion.V1_0, cloudEvent.SpecVersion);
        Assert.True(Guid.TryParse(cloudEvent.Id, out _), $"id '{cloudEvent.Id}' is not a GUID");
        Assert.Equal(Source, cloudEvent.Source!.OriginalString);
        Assert.Equal(TypePrefix + type, cloudEvent.Type);
        Assert.Equal(subject, cloudEvent.Subject);
        Assert.Equal("application/json", cloudEvent.DataContentType);
        Assert.NotNull(cloudEvent.Time);
        Assert.Equal(TimeSpan.Zero, cloudEvent.Time!.Value.Offset);
        Assert.Matches("^[0-9]{19}$", (string)cloudEvent[Sequence]!);
        var data = Assert.IsType<JsonElement>(cloudEvent.Data);
        if (subject == Od)
        {
            Assert.Equal(Od, data.GetProperty("code").GetString());
        }

        return data;
    }
}
