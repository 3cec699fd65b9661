using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.Contracts.Eventing;
using RobuustOD.Domain;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.Monitoring;
using RobuustOD.RegisterReadModel;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>
/// The monitoring service as a publisher on topic <c>monitoring</c>, standalone to a fake subscriber: drafts stay
/// inside; a submission, a late submission, a correction, an overdue found by the clock and its lifting leave it as
/// CloudEvents of the NL GOV profile, each once.
/// </summary>
public sealed class MonitoringEventsTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private const string Base = "/monitoring/v1";
    private const string Source = "urn:nld:oin:00000000000000000000:systeem:robuustod-monitoring";
    private const string TypePrefix = "nl.robuustod.monitoring.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FakeSubscriber _fake = null!;
    private ServiceFactory<MonitoringService> _monitoring = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSubscriber.StartAsync(PubSub.Topics.Monitoring, Ct);
        var database = await postgres.CreateDatabaseAsync("monitoring-events", Ct);
        _monitoring = new ServiceFactory<MonitoringService>(database, identity.Server, new Dictionary<string, string?>
        {
            ["Eventing:Mode"] = "Standalone",
            ["Eventing:DaemonMode"] = "Solo",
            ["Eventing:Subscribers:0"] = _fake.Address.ToString(),
            ["Seeds:LoadOnStartup"] = "true",
            ["Seeds:Path"] = SeedsFolder(),
            ["Monitoring:Verzuimbewaking:Interval"] = "00:00:00.200",
        });
        _ = _monitoring.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _monitoring.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task indiening_te_laat_correctie_verzuim_en_opheffing_verlaten_de_dienst_eenmaal()
    {
        var vandaag = TimeProvider.System.Vandaag();
        // ODA was established after the due date: it is not expected to report (so not overdue), but may still hand in.
        var (nieuw, verzuimer) = ("E" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant(), "F" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant());
        await using (var session = _monitoring.Store.LightweightSession())
        {
            session.Store(new OmgevingsdienstUitRegister { Id = nieuw, Naam = nieuw, OpgerichtOp = vandaag });
            session.Store(new OmgevingsdienstUitRegister { Id = verzuimer, Naam = verzuimer });
            await session.SaveChangesAsync(Ct);
        }

        using var ienw = await _monitoring.ClientAsync("ienw", Ct);
        var ronde = "r" + Guid.NewGuid().ToString("N")[..8];
        await (await ienw.PostAsJsonAsync($"{Base}/rapportagerondes", new { id = ronde, soort = "voortgang", naam = "Testronde",
            periodeVan = (string?)null, periodeTot = (string?)null, indienenUiterlijk = vandaag.AddDays(-1).ToString("yyyy-MM-dd"), formatVersie = 1 }, Ct))
            .AssertJsonAsync(HttpStatusCode.Created);

        var id = $"{nieuw}-{ronde}";
        await (await ienw.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = nieuw, ronde }, Ct)).AssertJsonAsync(HttpStatusCode.Created);
        await (await ienw.PutAsJsonAsync($"{Base}/voortgangsrapportages/{id}/kerngetallen", new { waarden = new { totaalFte = 10 } }, Ct)).AssertJsonAsync();
        await (await ienw.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/indiening", new { toelichting = (string?)null }, Ct)).AssertJsonAsync();
        await (await ienw.PostAsJsonAsync($"{Base}/voortgangsrapportages/{id}/correcties",
            new { reden = "Telfout", kerngetallen = new { totaalFte = 12 } }, Ct)).AssertJsonAsync(HttpStatusCode.Created);

        await _fake.WachtTotAsync(o => o.Any(x => x.Subject == verzuimer), Timeout, Ct);
        // IenW moves the due date after the fact: the overdue is lifted.
        using var get = await ienw.GetAsync($"{Base}/rapportagerondes/{ronde}", Ct);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Base}/rapportagerondes/{ronde}")
        {
            Content = JsonContent.Create(new { soort = "voortgang", naam = "Testronde", periodeVan = (string?)null, periodeTot = (string?)null,
                indienenUiterlijk = vandaag.AddDays(5).ToString("yyyy-MM-dd"), formatVersie = 1 }),
        };
        put.Headers.IfMatch.Add(get.Headers.ETag!);
        await (await ienw.SendAsync(put, Ct)).AssertJsonAsync();
        await _fake.WachtTotAsync(o => o.Count(x => x.Subject == verzuimer) >= 2, Timeout, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        var ontvangen = _fake.Ontvangen.Where(o => o.Subject == nieuw || o.Subject == verzuimer).ToList();
        // In store order per OD (the watcher may come before or after the other OD's commands).
        string[] Typen(string code) => [.. ontvangen.Where(o => o.Subject == code).OrderBy(o => o.Sequence, StringComparer.Ordinal).Select(o => o.Type[TypePrefix.Length..])];
        Assert.Equal(["voortgangsrapportage-ingediend.v1", "voortgangsrapportage-te-laat.v1", "voortgangsrapportage-gecorrigeerd.v1"], Typen(nieuw));
        Assert.Equal(["voortgangsrapportage-verzuimd.v1", "verzuim-opgeheven.v1"], Typen(verzuimer));
        Assert.All(ontvangen, o => Assert.Equal(Source, o.CloudEvent.GetProperty("source").GetString()));
        Assert.Equal(ontvangen.Count, ontvangen.Select(o => o.Id).Distinct().Count());

        JsonElement Data(string type) => ontvangen.Single(o => o.Type == TypePrefix + type).CloudEvent.GetProperty("data");
        Assert.Equal((nieuw, ronde), (Data("voortgangsrapportage-ingediend.v1").GetProperty("code").GetString(), Data("voortgangsrapportage-ingediend.v1").GetProperty("ronde").GetString()));
        Assert.Equal(1, Data("voortgangsrapportage-te-laat.v1").GetProperty("dagenTeLaat").GetInt32());
        Assert.Equal((2, "Telfout", "ienw"), (Data("voortgangsrapportage-gecorrigeerd.v1").GetProperty("versie").GetInt32(),
            Data("voortgangsrapportage-gecorrigeerd.v1").GetProperty("reden").GetString(), Data("voortgangsrapportage-gecorrigeerd.v1").GetProperty("door").GetString()));
        Assert.Equal(vandaag.AddDays(-1).ToString("yyyy-MM-dd"), Data("voortgangsrapportage-verzuimd.v1").GetProperty("indienenUiterlijk").GetString());
        Assert.Contains("verschoven", Data("verzuim-opgeheven.v1").GetProperty("reden").GetString(), StringComparison.Ordinal);
    }

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new InvalidOperationException("Repository root (RobuustOD.sln) not found.");
    }
}
