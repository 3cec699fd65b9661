using System.Net;
using System.Net.Http.Json;
using Marten;
using Npgsql;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.EventBackbone.Incoming;
using RobuustOD.TestInfrastructure;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>Failures on the way: a subscriber that is down, a forwarder stopped in the middle of a batch.</summary>
public sealed class StoringTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private OpenPlatform _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _platform = await OpenPlatform.StartAsync(postgres, identity.Server, Ct);

    public async ValueTask DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task een_abonnee_die_plat_ligt_krijgt_na_herstart_alles_op_volgorde_en_niets_dubbel()
    {
        await _platform.StopAsync("monitoring");
        using var ienw = await _platform.RegistryClientAsync("ienw", Ct);
        var verwacht = new Dictionary<string, string>();
        for (var i = 1; i <= 20; i++)
        {
            var code = $"ST{i:D2}";
            using var response = await ienw.PostAsJsonAsync("/register/v1/omgevingsdiensten",
                new { code, naam = $"Omgevingsdienst {code}", provincies = new[] { "Utrecht" }, opgerichtOp = "2013-01-01" }, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            verwacht[code] = $"Omgevingsdienst {code}";
        }

        // Several renames of some ODs, interleaved: only the last one per OD may remain.
        for (var ronde = 1; ronde <= 3; ronde++)
        {
            foreach (var code in new[] { "ST03", "ST07", "ST11", "ST19" })
            {
                var naam = $"Omgevingsdienst {code} versie {ronde}";
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"/register/v1/omgevingsdiensten/{code}") { Content = JsonContent.Create(new { naam }) };
                using var response = await ienw.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                verwacht[code] = naam;
            }
        }

        var events = await _platform.Registry!.EventCountAsync(Ct);
        Assert.Equal(20 + 12, events);

        foreach (var subscriber in new[] { "assessment", "subsidy" })
        {
            await WachtOpToestandAsync(subscriber, verwacht, events);
        }

        await _platform.StartSubscriberAsync("monitoring", Ct);
        await WachtOpToestandAsync("monitoring", verwacht, events);

        // And over HTTP, as a client of monitoring sees it.
        var st07 = await _platform.ZoalsGezienDoorAsync("monitoring", "ST07", Ct);
        Assert.Equal("Omgevingsdienst ST07 versie 3", st07?.GetProperty("naam").GetString());
    }

    [Fact]
    public async Task een_registry_die_midden_in_een_batch_stopt_verliest_niets()
    {
        await SchrijfBatchAsync();

        // Stop the registry as soon as the first subscriber has applied some, but not all, of the batch. In-process this
        // stop is graceful (the async daemon finishes and commits its page); the crash case is the next test.
        await Eventually.UntilAsync(async () => await _platform.InboxAsync("assessment", Ct) >= 10, Timeout,
            async () => $"assessment applied {await _platform.InboxAsync("assessment", Ct)}", Ct);
        var bijHetStoppen = await _platform.InboxAsync("assessment", Ct);
        await _platform.StopAsync("registry");
        Assert.True(bijHetStoppen < Aantal, $"the registry was stopped too late to interrupt the batch ({bijHetStoppen} applied)");

        await _platform.StartRegistryAsync(Ct);

        foreach (var (subscriber, _) in OpenPlatform.Subscribers)
        {
            await WachtOpToestandAsync(subscriber, Batch, Aantal);
        }
    }

    [Fact]
    public async Task een_crash_na_bezorging_maar_voor_het_checkpoint_geeft_dubbelen_zonder_effect()
    {
        // A process crash between delivering and committing the checkpoint, simulated: the checkpoint write fails.
        // (Stopping the host in-process is graceful: the daemon finishes its page and commits it.)
        await SqlAsync("""
            create function register.simuleer_crash() returns trigger language plpgsql as $$
            begin
              if new.name like 'forwarder-%' then raise exception 'simulated crash before the checkpoint'; end if;
              return new;
            end $$;
            create trigger simuleer_crash before insert or update on register.mt_event_progression
              for each row execute function register.simuleer_crash();
            """);
        await SchrijfBatchAsync();

        foreach (var (subscriber, _) in OpenPlatform.Subscribers)
        {
            await Eventually.UntilAsync(async () => await _platform.InboxAsync(subscriber, Ct) == Aantal, Timeout,
                async () => $"{subscriber} applied {await _platform.InboxAsync(subscriber, Ct)}", Ct);
        }

        await _platform.StopAsync("registry");
        var checkpoints = await _platform.CheckpointsAsync(Ct);
        Assert.True(checkpoints.Values.All(c => c < Aantal), $"a checkpoint moved despite the crash: {string.Join(", ", checkpoints)}");
        await SqlAsync("drop trigger simuleer_crash on register.mt_event_progression; drop function register.simuleer_crash();");
        var laatstVerwerkt = new Dictionary<string, DateTimeOffset>();
        foreach (var (subscriber, _) in OpenPlatform.Subscribers)
        {
            laatstVerwerkt[subscriber] = await LaatstVerwerktAsync(subscriber);
        }

        // The new registry delivers the batch again (same CloudEvent ids): every event is a duplicate by now.
        await _platform.StartRegistryAsync(Ct);
        await Eventually.UntilAsync(async () => (await _platform.CheckpointsAsync(Ct)).Count(c => c.Value >= Aantal) == OpenPlatform.Subscribers.Length,
            Timeout, async () => $"checkpoints {string.Join(", ", await _platform.CheckpointsAsync(Ct))}", Ct);

        foreach (var (subscriber, _) in OpenPlatform.Subscribers)
        {
            await WachtOpToestandAsync(subscriber, Batch, Aantal);
            Assert.Equal(laatstVerwerkt[subscriber], await LaatstVerwerktAsync(subscriber));
        }
    }

    private const int Aantal = 200;

    private static readonly Dictionary<string, string> Batch =
        Enumerable.Range(1, Aantal).Select(i => $"MB{i:D3}").ToDictionary(c => c, c => $"Omgevingsdienst {c}");

    /// <summary>200 registrations committed at once: one page for the forwarders.</summary>
    private async Task SchrijfBatchAsync()
    {
        await using var session = _platform.Registry!.Store.LightweightSession();
        foreach (var (code, naam) in Batch)
        {
            session.Events.StartStream<Omgevingsdienst>(code, new OmgevingsdienstGeregistreerd(code, naam, ["Zeeland"], null, new DateOnly(2013, 1, 1), []));
        }

        await session.SaveChangesAsync(Ct);
    }

    private async Task<DateTimeOffset> LaatstVerwerktAsync(string subscriber)
    {
        await using var session = _platform.Stores[subscriber].QuerySession();
        return await session.Query<VerwerkteGebeurtenis>().MaxAsync(v => v.VerwerktOp, Ct);
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_platform.Databases["registry"]);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>
    /// Waits until the subscriber knows exactly the expected ODs by their expected names, then asserts one inbox row
    /// per event of the registry: nothing lost, and nothing applied twice.
    /// </summary>
    private async Task WachtOpToestandAsync(string subscriber, Dictionary<string, string> verwacht, long events)
    {
        await Eventually.UntilAsync(async () =>
            {
                var ods = await _platform.OmgevingsdienstenAsync(subscriber, Ct);
                return ods.Count == verwacht.Count && verwacht.All(v => ods.GetValueOrDefault(v.Key) == v.Value)
                    && await _platform.InboxAsync(subscriber, Ct) >= events;
            },
            Timeout,
            async () =>
            {
                var ods = await _platform.OmgevingsdienstenAsync(subscriber, Ct);
                var verschillen = verwacht.Where(v => ods.GetValueOrDefault(v.Key) != v.Value).Take(5)
                    .Select(v => $"{v.Key}: '{ods.GetValueOrDefault(v.Key)}' instead of '{v.Value}'");
                return $"{subscriber} knows {ods.Count} of {verwacht.Count} ODs, inbox {await _platform.InboxAsync(subscriber, Ct)} of {events}; "
                    + string.Join("; ", verschillen);
            },
            Ct);

        Assert.Equal(events, await _platform.InboxAsync(subscriber, Ct));
        Assert.Equal(verwacht.OrderBy(v => v.Key), (await _platform.OmgevingsdienstenAsync(subscriber, Ct)).OrderBy(v => v.Key));
    }
}
