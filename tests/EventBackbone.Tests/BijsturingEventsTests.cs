using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RobuustOD.Contracts.Eventing;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.Monitoring;
using RobuustOD.RegisterReadModel;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>
/// Judgement and escalation leave the monitoring service on topic <c>monitoring</c>, standalone to a fake subscriber:
/// IenW's judgement, the steps opened and closed, a conversation, a decision and the final result, each once; the
/// assessor's draft and the planning of a step stay inside.
/// </summary>
public sealed class BijsturingEventsTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private const string Base = "/monitoring/v1";
    private const string Source = "urn:nld:oin:00000000000000000000:systeem:robuustod-monitoring";
    private const string TypePrefix = "nl.robuustod.monitoring.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string[] Typen =
    [
        "voortgang-beoordeeld.v1", "escalatie-geopend.v1", "escalatie-afgerond.v1", "gesprek-gevoerd.v1", "besluit-maatregelen-genomen.v1",
        "eindresultaat-vastgelegd.v1",
    ];

    private FakeSubscriber _fake = null!;
    private ServiceFactory<MonitoringService> _monitoring = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSubscriber.StartAsync(PubSub.Topics.Monitoring, Ct);
        var database = await postgres.CreateDatabaseAsync("bijsturing-events", Ct);
        _monitoring = new ServiceFactory<MonitoringService>(database, identity.Server, new Dictionary<string, string?>
        {
            ["Eventing:Mode"] = "Standalone",
            ["Eventing:DaemonMode"] = "Solo",
            ["Eventing:Subscribers:0"] = _fake.Address.ToString(),
            ["Seeds:LoadOnStartup"] = "true",
            ["Seeds:Path"] = SeedsFolder(),
        });
        _ = _monitoring.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _monitoring.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task oordeel_escalatie_gesprek_besluit_en_eindresultaat_verlaten_de_dienst_eenmaal()
    {
        var code = "B" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await using (var session = _monitoring.Store.LightweightSession())
        {
            session.Store(new OmgevingsdienstUitRegister { Id = code, Naam = code });
            await session.SaveChangesAsync(Ct);
        }

        using var ienw = await _monitoring.ClientAsync("ienw", Ct);
        using var beoordelaar = await _monitoring.ClientAsync("beoordelaar", Ct);
        foreach (var ronde in new[] { "voortgang1", "eindrapportage" })
        {
            await (await ienw.PostAsJsonAsync($"{Base}/voortgangsrapportages", new { omgevingsdienst = code, ronde }, Ct)).AssertJsonAsync(HttpStatusCode.Created);
            await (await ienw.PostAsJsonAsync($"{Base}/voortgangsrapportages/{code}-{ronde}/indiening", new { toelichting = (string?)null }, Ct)).AssertJsonAsync();
        }

        var oordeel = new { voortgang = "onvoldoende", uitkomst = "onzeker", toelichting = "Te weinig voortgang", robuustOp1April2026 = (string?)null };
        await (await beoordelaar.PostAsJsonAsync($"{Base}/voortgangsrapportages/{code}-voortgang1/oordeel", oordeel, Ct)).AssertJsonAsync();
        await (await ienw.PostAsJsonAsync($"{Base}/voortgangsrapportages/{code}-voortgang1/oordeel", oordeel, Ct)).AssertJsonAsync();
        var stap = $"{code}-voortgang1-bestuurlijkGesprek";
        await (await ienw.PostAsJsonAsync($"{Base}/escalaties/{stap}/planning", new { datum = "2025-05-12", toelichting = (string?)null }, Ct)).AssertJsonAsync();
        using var gesprek = await ienw.PostAsJsonAsync($"{Base}/gesprekken", new
        {
            soort = "bestuurlijk", datum = "2025-05-12", omgevingsdiensten = new[] { code }, provincies = Array.Empty<string>(),
            deelnemers = new[] { "Minister van IenW" }, onderwerp = (string?)null, uitkomst = "Afspraken gemaakt", escalatie = stap,
        }, Ct);
        await gesprek.AssertJsonAsync(HttpStatusCode.Created);
        await (await ienw.PostAsJsonAsync($"{Base}/besluiten", new
        {
            inhoud = "Geen verdergaande maatregelen", datum = "2025-06-01", genomenDoor = "Minister van IenW", omgevingsdiensten = new[] { code },
            escalaties = new[] { stap },
        }, Ct)).AssertJsonAsync(HttpStatusCode.Created);
        await (await ienw.PostAsJsonAsync($"{Base}/voortgangsrapportages/{code}-eindrapportage/oordeel",
            oordeel with { robuustOp1April2026 = (string?)"nee" }, Ct)).AssertJsonAsync();

        bool Van(FakeSubscriber.Ontvangst o) => Typen.Contains(o.Type[TypePrefix.Length..])
            && (o.Subject == code || o.CloudEvent.GetProperty("data").TryGetProperty("omgevingsdiensten", out var ods)
                && ods.EnumerateArray().Any(od => od.GetString() == code));
        await _fake.WachtTotAsync(o => o.Count(Van) >= 8, Timeout, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        var ontvangen = _fake.Ontvangen.Where(Van).ToList();
        Assert.Equal(
            ["besluit-maatregelen-genomen.v1", "eindresultaat-vastgelegd.v1", "escalatie-afgerond.v1", "escalatie-geopend.v1", "escalatie-geopend.v1",
                "gesprek-gevoerd.v1", "voortgang-beoordeeld.v1", "voortgang-beoordeeld.v1"],
            ontvangen.Select(o => o.Type[TypePrefix.Length..]).Order(StringComparer.Ordinal).ToArray());
        Assert.All(ontvangen, o => Assert.Equal(Source, o.CloudEvent.GetProperty("source").GetString()));
        Assert.Equal(ontvangen.Count, ontvangen.Select(o => o.Id).Distinct().Count());

        JsonElement Data(string type) => ontvangen.First(o => o.Type == TypePrefix + type).CloudEvent.GetProperty("data");
        Assert.Equal(("voortgang1", "onvoldoende"), (Data("voortgang-beoordeeld.v1").GetProperty("ronde").GetString(),
            Data("voortgang-beoordeeld.v1").GetProperty("voortgang").GetString()));
        Assert.Equal(stap, Data("escalatie-geopend.v1").GetProperty("id").GetString());
        Assert.Equal("nee", Data("eindresultaat-vastgelegd.v1").GetProperty("robuustOp1April2026").GetString());
        Assert.Equal(stap, Data("escalatie-afgerond.v1").GetProperty("id").GetString());
        Assert.StartsWith("gesprek-", ontvangen.Single(o => o.Type == TypePrefix + "gesprek-gevoerd.v1").Subject, StringComparison.Ordinal);
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
