using System.Collections.Concurrent;
using System.Net;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace RobuustOD.TestInfrastructure.Services;

/// <summary>
/// The shape of a service's warm-up test (the register's, for any service): the warm-up at start runs the write path
/// and the first requests, and changes nothing a client can see: no event, no stream, no document of any kind; the
/// service is ready only after it. A service's test names what each warm-up request must end with.
/// </summary>
/// <param name="schema">The service's Marten schema (its event store's name).</param>
/// <param name="key">The stream key of the warm-up (<c>EventStoreWarmUp.Key</c>).</param>
public abstract class WarmUpTestsBase<TService>(PostgresServer postgres, string schema, string key) : IAsyncLifetime
    where TService : class
{
    private const string Prefix = "Warm-up request ";
    private readonly DevIdentityServer _identity = new();
    private readonly ConcurrentQueue<string> _log = new();
    private ServiceFactory<TService> _app = null!;
    private string _database = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>In process, in order: "endpoint status", or "endpoint exception-type" where the feature threw (its 404 or 400,
    /// written by the problem middleware, which the in-process call skips).</summary>
    protected abstract IReadOnlyList<string> InProcess { get; }

    /// <summary>Over HTTP without a token, in order: "endpoint over HTTP status".</summary>
    protected abstract IReadOnlyList<string> OverHttp { get; }

    public async ValueTask InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync("warmup", Ct);
        _app = new ServiceFactory<TService>(_database, _identity, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:RobuustOD.EventStore"] = "Debug",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _identity.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task de_opwarming_doorloopt_het_schrijfpad_en_de_eerste_verzoeken_zonder_iets_op_te_slaan()
    {
        var app = _app.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(new Collector(_log)))));
        using var anoniem = app.CreateClient();

        // Ready only once the warm-up ended: from here its log is complete.
        using var gereed = await anoniem.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, gereed.StatusCode);

        // Every warm-up request ended as it must. (The token validation's outcome depends on the in-memory issuer's
        // answer in time: not checked.)
        Assert.DoesNotContain(_log, line => line.Contains("failed", StringComparison.Ordinal));
        Assert.Equal(InProcess,
            _log.Where(line => line.StartsWith(Prefix, StringComparison.Ordinal) && !line.Contains("token validation", StringComparison.Ordinal))
                .Select(line => line[Prefix.Length..].Split(':')[0].Replace(" ended with ", " ", StringComparison.Ordinal)));

        // The appends ran (they drew sequence numbers) and were rolled back: nothing of them is stored, nor anything else.
        Assert.True(await ScalarAsync<bool>($"select is_called from {schema}.mt_events_sequence"));
        Assert.Equal(0L, await ScalarAsync<long>($"select count(*) from {schema}.mt_events"));
        Assert.Equal(0L, await ScalarAsync<long>($"select count(*) from {schema}.mt_streams"));
        Assert.Empty(await DocumentsAsync());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync(key, Ct));
    }

    [Fact]
    public async Task op_een_echte_poort_gaan_de_verzoeken_ook_door_de_server_en_de_hele_pijplijn()
    {
        // Kestrel on a free loopback port instead of the in-memory server: the warm-up also sends its requests over
        // HTTP, without a token: a public read stops at its 404, the rest at their 401.
        await using var app = _app.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(new Collector(_log)))));
        app.UseKestrel(0);
        app.StartServer();
        using var anoniem = app.CreateClient();

        using var gereed = await anoniem.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, gereed.StatusCode);
        Assert.Equal(OverHttp,
            _log.Where(line => line.StartsWith(Prefix, StringComparison.Ordinal) && line.Contains(" over HTTP ", StringComparison.Ordinal))
                .Select(line => line[Prefix.Length..].Replace(" ended with ", " ", StringComparison.Ordinal)));
        Assert.Equal(0L, await ScalarAsync<long>($"select count(*) from {schema}.mt_events"));
        Assert.Empty(await DocumentsAsync());
    }

    /// <summary>Every document table of the schema that holds a row ("table: count"); seeds are off in tests.</summary>
    private async Task<List<string>> DocumentsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "select table_name from information_schema.tables where table_schema = @schema and table_name like 'mt\\_doc\\_%'", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var filled = new List<string>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from {schema}.\"{table}\"", connection);
            if ((long)(await count.ExecuteScalarAsync(Ct))! is var rows and > 0)
            {
                filled.Add($"{table}: {rows}");
            }
        }

        return filled;
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
