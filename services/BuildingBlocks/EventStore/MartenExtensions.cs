using JasperFx;
using Weasel.Core;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RobuustOD.HttpDefaults;

namespace RobuustOD.EventStore;

public static class MartenExtensions
{
    public const string ConnectionStringName = "robuustod";

    /// <summary>
    /// Marten with the conventions every service shares: its own schema, System.Text.Json,
    /// one stream per omgevingsdienst keyed by the OD code, and who/when metadata on events.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this WebApplicationBuilder builder, string schema, Action<StoreOptions> configure)
    {
        var connectionString = WithPoolSettings(builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? (BuildTime.IsGeneratingOpenApi ? "Host=build-time-openapi-generation" : null)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not configured: the service needs PostgreSQL."));

        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", tags: ["ready"]);
        builder.Services.AddExceptionHandler<EventStoreExceptionToProblem>();
        builder.Services.ConfigureMarten((sp, options) =>
            options.Logger(new EventStoreLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Marten"))));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter("Marten"));
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("Marten").AddNpgsql());

        // How long a start waits for another instance of this service applying the same schema (tests shorten it).
        var schemaLockTimeout = builder.Configuration.GetValue("EventStore:SchemaLockTimeout", TimeSpan.FromSeconds(60));
        var marten = builder.Services.AddMarten(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = schema;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.Events.StreamIdentity = StreamIdentity.AsString;
            options.Events.MetadataConfig.HeadersEnabled = true;
            options.Events.MetadataConfig.UserNameEnabled = true;
            options.Events.MetadataConfig.CorrelationIdEnabled = true;
            // Wake the async daemon (and so the event forwarders) on append instead of waiting for its next poll.
            options.Events.UseListenNotifyForEventAppends = true;
            // A write that loses a concurrency race has drawn an event sequence number and rolled back: a gap. The
            // daemon waited the stale threshold (3 s) before passing it, so every forwarder stalled 3 s after each 409.
            // Since Marten 9.16.1 the daemon passes a stale gap only when no transaction that could still fill it is
            // alive in PostgreSQL, so a short threshold cannot skip a slow append that is still in flight.
            options.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(200);
            // While a gap is open the high-water agent polls instead of waiting for a notification: poll at the pace of
            // the threshold (one small query per 250 ms) rather than Marten's default of once a second.
            options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
            // The lock that serializes applying the schema at start is one advisory lock per database, and Marten's
            // id is the same for every store: the services, each with its own schema in the one database of the run
            // command, queued behind each other, and on a loaded machine one gave up after Marten's 10 s and exited
            // ("Unable to attain the global lock in time"). Per schema, only instances of the same service take turns.
            options.ApplyChangesLockId = SchemaLockId(schema);
            options.ApplyChangesLockTimeout = schemaLockTimeout;
            configure(options);
        }).UseLightweightSessions();

        if (!BuildTime.IsGeneratingOpenApi)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
        }

        return marten;
    }

    private const int MartenDefaultLockId = 4004;

    /// <summary>
    /// A stable advisory lock id for applying <paramref name="schema"/>'s changes: FNV-1a of the name (string.GetHashCode
    /// differs per process), in the positive range, never Marten's default (the same for every store).
    /// </summary>
    public static int SchemaLockId(string schema)
    {
        var hash = 2166136261u;
        foreach (var c in schema.ToLowerInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        var id = (int)(hash & 0x7FFF_FFFF);
        return id == MartenDefaultLockId ? id + 1 : id;
    }

    /// <summary>
    /// Npgsql resets a connection returned to its pool with <c>DISCARD ALL</c> (once per session, several times per
    /// command with the forwarders), which also drops PostgreSQL's cached plans of Marten's functions, so that the next
    /// append plans <c>mt_quick_append_events</c> again: measured here, 9-17 resets per write and 2.6-3.5x slower appends.
    /// The services keep no session state on a pooled connection (no SET, no temporary tables, no session advisory lock
    /// outside the daemon's own held connection), so the reset buys nothing. An explicit setting in the configured
    /// connection string wins.
    /// </summary>
    public static string WithPoolSettings(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }
}
