using System.Collections.Concurrent;
using System.Net;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RobuustOD.EventStore;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// The warm-up at start runs the write path and the first requests, and changes nothing: no event, no stream, no
/// snapshot; the service is ready only after it.
/// </summary>
public sealed class WarmUpTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly DevIdentityServer _identity = new();
    private readonly ConcurrentQueue<string> _log = new();
    private ServiceFactory<RegistryService> _app = null!;
    private string _database = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync("warmup", Ct);
        _app = new ServiceFactory<RegistryService>(_database, _identity, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:RobuustOD.EventStore"] = "Debug",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task de_opwarming_doorloopt_het_schrijfpad_en_de_eerste_verzoeken_zonder_iets_op_te_slaan()
    {
        var app = _app.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(new Collector(_log)))));
        using var anoniem = app.CreateClient();

        using var gereed = await anoniem.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, gereed.StatusCode);

        // Every warm-up request ended as it must: the validator's 400 is written, the change and the read stop at their
        // 404, the list answers. (The token validation's outcome depends on the in-memory issuer's answer in time: not checked.)
        Assert.DoesNotContain(_log, line => line.Contains("failed", StringComparison.Ordinal));
        Assert.Equal(["wijzigOmgevingsdienst 400", "wijzigOmgevingsdienst DomainRuleException", "haalOmgevingsdienstOp DomainRuleException",
                "zoekOmgevingsdiensten 200"],
            _log.Where(line => line.StartsWith("Warm-up request ", StringComparison.Ordinal) && !line.Contains("token validation", StringComparison.Ordinal))
                .Select(line => line["Warm-up request ".Length..].Split(':')[0].Replace(" ended with ", " ", StringComparison.Ordinal)));

        // The append ran (it drew a sequence number) and was rolled back: nothing of it is stored.
        Assert.True(await ScalarAsync<bool>("select is_called from register.mt_events_sequence"));
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from register.mt_events"));
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from register.mt_streams"));
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from register.mt_doc_omgevingsdienst"));
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync(EventStoreWarmUp.Key, Ct));
        Assert.Null(await session.LoadAsync<Omgevingsdienst>(EventStoreWarmUp.Key, Ct));
    }

    [Fact]
    public async Task op_een_echte_poort_gaan_de_verzoeken_ook_door_de_server_en_de_hele_pijplijn()
    {
        // Kestrel on a free loopback port instead of the in-memory server: the warm-up also sends its requests over
        // HTTP, without a token: the public read stops at its 404, the writes at their 401.
        await using var app = _app.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(new Collector(_log)))));
        app.UseKestrel(0);
        app.StartServer();
        using var anoniem = app.CreateClient();

        using var gereed = await anoniem.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, gereed.StatusCode);
        Assert.Equal(["wijzigOmgevingsdienst over HTTP 401", "wijzigOmgevingsdienst over HTTP 401", "haalOmgevingsdienstOp over HTTP 404",
                "zoekOmgevingsdiensten over HTTP 200"],
            _log.Where(line => line.StartsWith("Warm-up request ", StringComparison.Ordinal) && line.Contains(" over HTTP ", StringComparison.Ordinal))
                .Select(line => line["Warm-up request ".Length..].Replace(" ended with ", " ", StringComparison.Ordinal)));
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from register.mt_events"));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private sealed class Collector(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category.StartsWith("RobuustOD.EventStore", StringComparison.Ordinal);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
