using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RobuustOD.Assessment;
using RobuustOD.EventBackbone.Incoming;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.RegisterReadModel;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>
/// Who may deliver events: only whoever holds the app API token (the Dapr sidecar, or in standalone mode the
/// publisher's forwarder), and only events from the topic's own publisher. The subscriber (assessment) listens on
/// real loopback HTTP, and the forged deliveries come from a plain HTTP client on the same machine, as with curl.
/// </summary>
public sealed class EventEndpointBeveiligingTests(PostgresServer postgres, SharedIdentity identity)
{
    private const string Od = "ODG";
    private const string RegisterSource = "urn:nld:oin:00000000000000000000:systeem:robuustod-register";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>No token configured: neither <c>Eventing:AppApiToken</c> nor <c>APP_API_TOKEN</c>.</summary>
    private static readonly Dictionary<string, string?> ZonderToken = new()
    {
        ["Eventing:AppApiToken"] = "",
        ["APP_API_TOKEN"] = "",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task een_vervalste_zelftoets_zonder_token_wordt_geweigerd_en_verandert_niets(bool dienstHeeftToken)
    {
        await using var dienst = await StartAbonneeAsync($"vervalst-{dienstHeeftToken}", dienstHeeftToken ? null : ZonderToken);
        using var curl = new HttpClient { BaseAddress = dienst.Adres };

        using var response = await curl.PostAsync("/events/register", Vervalst(RegisterSource), Ct);

        await AssertGeweigerdAsync(response);
        await AssertOngewijzigdAsync(dienst);
        using var subscribe = await curl.GetAsync("/dapr/subscribe", Ct);
        await AssertGeweigerdAsync(subscribe);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task een_verkeerd_token_wordt_geweigerd_en_verandert_niets(bool dienstHeeftToken)
    {
        await using var dienst = await StartAbonneeAsync($"verkeerd-token-{dienstHeeftToken}", dienstHeeftToken ? null : ZonderToken);
        foreach (var verkeerd in new[] { "", "geraden", SidecarToken.PerRun[..^1], SidecarToken.PerRun + "0", SidecarToken.PerRun.ToUpperInvariant() })
        {
            using var curl = new HttpClient { BaseAddress = dienst.Adres };
            curl.DefaultRequestHeaders.TryAddWithoutValidation(SidecarToken.Header, verkeerd);

            using var response = await curl.PostAsync("/events/register", Vervalst(RegisterSource), Ct);

            await AssertGeweigerdAsync(response);
        }

        await AssertOngewijzigdAsync(dienst);
    }

    [Theory]
    [InlineData("urn:nld:oin:00000000000000000000:systeem:robuustod-beoordeling")]
    [InlineData("urn:nld:oin:00000001234567890000:systeem:robuustod-register")]
    [InlineData("urn:nld:oin:00000000000000000000:systeem:robuustod-register-test")]
    [InlineData("https://aanvaller.example/robuustod-register")]
    public async Task met_het_juiste_token_maar_een_vreemde_source_wordt_het_event_gedropt(string source)
    {
        await using var dienst = await StartAbonneeAsync("vreemde-source", null);
        using var sidecar = new HttpClient { BaseAddress = dienst.Adres }.AlsSidecar();

        using var response = await sidecar.PostAsync("/events/register", Vervalst(source), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DROP", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        await AssertOngewijzigdAsync(dienst);
        Assert.Contains(dienst.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(source, StringComparison.Ordinal));

        // The same event from the register's own source is applied: the refusal was the source, nothing else.
        using var echt = await sidecar.PostAsync("/events/register", Vervalst(RegisterSource), Ct);
        Assert.Equal("SUCCESS", (await echt.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.True((await OdAsync(dienst))!.ZelftoetsRobuust);
    }

    [Fact]
    public async Task een_dienst_zonder_token_meldt_bij_de_start_eenmaal_dat_hij_geen_events_kan_ontvangen()
    {
        await using var zonder = await StartAbonneeAsync("start-zonder-token", ZonderToken);
        await using var met = await StartAbonneeAsync("start-met-token", null);

        var waarschuwingen = zonder.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("APP_API_TOKEN", StringComparison.Ordinal)).ToList();
        var waarschuwing = Assert.Single(waarschuwingen);
        Assert.Contains("Eventing:AppApiToken", waarschuwing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(met.Logs.Entries, e => e.Message.Contains("APP_API_TOKEN", StringComparison.Ordinal));
        // The token itself never appears in a log line.
        Assert.DoesNotContain(met.Logs.Entries, e => e.Message.Contains(SidecarToken.PerRun, StringComparison.Ordinal));
    }

    [Fact]
    public async Task een_abonnee_zonder_token_weigert_de_forwarder_die_het_event_vasthoudt_tot_het_token_klopt()
    {
        // The subscriber starts without a token: the registry's deliveries are refused, retried, never acknowledged.
        var database = await postgres.CreateDatabaseAsync("bezorging-abonnee", Ct);
        var abonnee = new Abonnee(database, identity.Server, ZonderToken);
        var adres = abonnee.Start(0);
        await using var registry = new ServiceFactory<RegistryService>(await postgres.CreateDatabaseAsync("bezorging-registry", Ct), identity.Server,
            new Dictionary<string, string?>
            {
                ["Eventing:DaemonMode"] = "Solo",
                ["Eventing:MaxRetryDelay"] = "00:00:00.250",
                ["Eventing:Subscribers:0"] = adres.ToString(),
                ["Logging:LogLevel:RobuustOD.EventBackbone.Outgoing.IntegrationEventForwarder"] = "Error",
            });
        try
        {
            using var ienw = await registry.ClientAsync("ienw", Ct);
            await Scenario.RegistreerAsync(ienw, "BVA");

            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            Assert.Null(await LaadAsync(abonnee.Store, "BVA"));
            Assert.Equal(0, await InboxAsync(abonnee.Store));
            Assert.Equal(0, await DeadLettersAsync(registry));
        }
        finally
        {
            await abonnee.DisposeAsync();
        }

        // The same subscriber back on the same port with the run's token: the held event arrives, once, not as a dead letter.
        await using var hersteld = new Abonnee(database, identity.Server, null);
        hersteld.Start(adres.Port);
        await Eventually.UntilAsync(async () => await LaadAsync(hersteld.Store, "BVA") is not null, Timeout,
            () => "the registry's event did not reach the subscriber once it had the token", Ct);
        Assert.Equal(1, await InboxAsync(hersteld.Store));
        Assert.Equal(0, await DeadLettersAsync(registry));
    }

    [Fact]
    public async Task de_standalone_forwarder_stuurt_het_token_zoals_de_sidecar_en_een_weigering_is_geen_bezorging()
    {
        await using var fake = await FakeSubscriber.StartAsync(Ct);
        fake.Token = "een-ander-token";
        await using var registry = new ServiceFactory<RegistryService>(await postgres.CreateDatabaseAsync("bezorging-token", Ct), identity.Server,
            new Dictionary<string, string?>
            {
                ["Eventing:DaemonMode"] = "Solo",
                ["Eventing:MaxRetryDelay"] = "00:00:00.100",
                ["Eventing:Subscribers:0"] = fake.Address.ToString(),
                ["Logging:LogLevel:RobuustOD.EventBackbone.Outgoing.IntegrationEventForwarder"] = "Error",
            });
        using var ienw = await registry.ClientAsync("ienw", Ct);
        await Scenario.RegistreerAsync(ienw, "BVB");

        // A subscriber that refuses the token: retried, not delivered, not dead-lettered.
        await Eventually.UntilAsync(() => fake.Geweigerd >= 3, Timeout, () => $"the fake refused {fake.Geweigerd} calls", Ct);
        Assert.Empty(fake.Ontvangen);
        Assert.Equal(0, await DeadLettersAsync(registry));

        // The subscriber expects this run's token, which the registry sends: delivered.
        fake.Token = SidecarToken.PerRun;
        await fake.WachtTotAsync(o => o.Any(d => d.Subject == "BVB" && d.Geaccepteerd), Timeout, Ct);
        Assert.Equal(0, await DeadLettersAsync(registry));
    }

    [Fact]
    public void elk_topic_heeft_een_uitgever_en_alleen_diens_source_wordt_aanvaard()
    {
        Assert.Equal("robuustod-register", RobuustOD.Contracts.Eventing.PubSub.PublisherOf(RobuustOD.Contracts.Eventing.PubSub.Topics.Register));
        Assert.Equal("robuustod-beoordeling", RobuustOD.Contracts.Eventing.PubSub.PublisherOf(RobuustOD.Contracts.Eventing.PubSub.Topics.Beoordeling));
        Assert.Throws<ArgumentException>(() => RobuustOD.Contracts.Eventing.PubSub.PublisherOf("onbekend"));
    }

    /// <summary>The forged delivery of the defect: a zelftoets "robust" for ODG, as a structured CloudEvent.</summary>
    private static StringContent Vervalst(string source)
    {
        var content = new StringContent($$$"""
            {"specversion":"1.0","id":"{{{Guid.NewGuid()}}}","source":"{{{source}}}","type":"nl.robuustod.register.zelftoets-vastgelegd.v1",
             "subject":"{{{Od}}}","time":"2025-01-01T00:00:00Z","datacontenttype":"application/json",
             "data":{"code":"{{{Od}}}","robuust":true,"beoordeeldOp":"2024-06-25"}}
            """, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json");
        return content;
    }

    /// <summary>Refused as a problem (401 or 403), never a Dapr status: not SUCCESS, and to Dapr not a DROP either.</summary>
    private static async Task AssertGeweigerdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"expected 401 or 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    /// <summary>ODG as the subscriber knew it before: not robust, no inbox row.</summary>
    private static async Task AssertOngewijzigdAsync(Abonnee dienst)
    {
        var od = await OdAsync(dienst);
        Assert.NotNull(od);
        Assert.False(od.ZelftoetsRobuust);
        Assert.Equal(0, await InboxAsync(dienst.Store));
    }

    private static Task<OmgevingsdienstUitRegister?> OdAsync(Abonnee dienst) => LaadAsync(dienst.Store, Od);

    private static async Task<OmgevingsdienstUitRegister?> LaadAsync(IDocumentStore store, string code)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<OmgevingsdienstUitRegister>(code, Ct);
    }

    private static async Task<int> InboxAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Query<VerwerkteGebeurtenis>().CountAsync(Ct);
    }

    private static async Task<int> DeadLettersAsync(ServiceFactory<RegistryService> registry)
    {
        await using var session = registry.Store.QuerySession();
        return await session.Query<OnbestelbaarBericht>().CountAsync(Ct);
    }

    /// <summary>The assessment service on loopback, knowing ODG from the register as not robust on its zelftoets.</summary>
    private async Task<Abonnee> StartAbonneeAsync(string naam, IReadOnlyDictionary<string, string?>? settings)
    {
        var dienst = new Abonnee(await postgres.CreateDatabaseAsync(naam, Ct), identity.Server, settings);
        dienst.Start(0);
        await using var session = dienst.Store.LightweightSession();
        session.Store(new OmgevingsdienstUitRegister { Id = Od, Naam = "Omgevingsdienst Groningen", Provincies = ["Groningen"], ZelftoetsRobuust = false });
        await session.SaveChangesAsync(Ct);
        return dienst;
    }

    /// <summary>An assessment service on a given loopback port (0: any), with its log entries captured.</summary>
    private sealed class Abonnee(string database, DevIdentityServer identity, IReadOnlyDictionary<string, string?>? settings)
        : ServiceFactory<AssessmentService>(database, identity, settings)
    {
        public LogCapture Logs { get; } = new();

        public Uri Adres { get; private set; } = null!;

        public Uri Start(int port)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            StartServer();
            return Adres = ClientOptions.BaseAddress;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }

    /// <summary>Every log entry at Information or above.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    capture.Entries.Enqueue((logLevel, category, formatter(state, exception)));
                }
            }
        }
    }
}
