using RobuustOD.HttpDefaults;
using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts.Eventing;
using Microsoft.AspNetCore.Http;
using RobuustOD.EventBackbone.Incoming;
using RobuustOD.EventBackbone.Outgoing;

namespace RobuustOD.EventBackbone;

public static partial class EventingExtensions
{
    /// <summary>What every service needs to take part in the event backbone: options, the sidecar policy, the Dapr client.</summary>
    public static WebApplicationBuilder AddEventing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventingOptions>().Bind(builder.Configuration.GetSection("Eventing"))
            // daprd takes the token from APP_API_TOKEN (Kubernetes: dapr.io/app-token-secret); the app may read the same variable.
            .PostConfigure(options =>
            {
                if (!EventingOptions.IsToken(options.AppApiToken))
                {
                    options.AppApiToken = builder.Configuration["APP_API_TOKEN"];
                }
            });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IAuthorizationHandler, DaprEndpointAuthorization>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(DaprEndpointAuthorization.Policy,
            policy => policy.AddRequirements(new DaprEndpointAuthorization.Requirement()));
        // Refusals on the event endpoints as problems (401/403) that no sidecar or forwarder mistakes for an acknowledgement.
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, DaprEndpointAuthorization.RefusalAsProblem>();
        if (!BuildTime.IsGeneratingOpenApi)
        {
            builder.Services.AddHostedService<TokenAnnouncement>();
        }

        builder.Services.AddDaprClient();
        builder.Services.ConfigureMarten(options => options.Schema.For<VerwerkteGebeurtenis>());
        return builder;
    }

    /// <summary>
    /// Publish this service's events from its event store: one forwarder (Marten subscription with its own
    /// checkpoint) per sink — the Dapr sidecar, or in standalone mode each subscribing service.
    /// </summary>
    public static WebApplicationBuilder PublishIntegrationEvents<TMapper>(this WebApplicationBuilder builder,
        MartenServiceCollectionExtensions.MartenConfigurationExpression marten, string system)
        where TMapper : class, IIntegrationEventMapper
    {
        builder.Services.AddSingleton<IIntegrationEventMapper, TMapper>();
        // The forwarder retries by itself, without end; the standard handler's breaker and timeouts would fight it.
#pragma warning disable EXTEXP0001 // Evaluation API, but the only way to opt one client out of ConfigureHttpClientDefaults.
        builder.Services.AddHttpClient(StandaloneClient).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<IReadOnlyList<ICloudEventSink>>(sp => CreateSinks(sp));
        builder.Services.ConfigureMarten((sp, options) =>
        {
            options.Schema.For<OnbestelbaarBericht>();
            var eventing = sp.GetRequiredService<IOptions<EventingOptions>>().Value;
            var json = sp.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var source = CloudEventSource.For(eventing.Oin, system);
            foreach (var sink in sp.GetRequiredService<IReadOnlyList<ICloudEventSink>>())
            {
                var forwarder = new IntegrationEventForwarder(sink, sp.GetRequiredService<IIntegrationEventMapper>(), source, json,
                    eventing, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<IntegrationEventForwarder>());
                // The subscription's name is its checkpoint: one per sink.
                forwarder.Name = $"forwarder-{sink.Name}";
                // Marten's agent loads a page each time the high-water mark moves, as long as fewer than 2 pages of events
                // are in flight: under steady writes that is a page per append or two, and the sink gets them one by one.
                // With nothing loaded ahead, the events appended while a page is delivered wait in the store and come as
                // the next page (up to BatchSize), which the sink hands over in bulk. The cost: one page query between pages.
                forwarder.Options.MaximumHopperSize = 1;
                options.Events.Subscribe(forwarder);
            }
        });

        // Standalone without subscribers (a service run on its own, most tests) has nothing to forward: no daemon then.
        var standaloneAlone = builder.Configuration.GetValue("Eventing:Mode", EventingMode.Dapr) == EventingMode.Standalone
            && !builder.Configuration.GetSection("Eventing:Subscribers").GetChildren().Any();
        if (!BuildTime.IsGeneratingOpenApi && !standaloneAlone)
        {
            var mode = builder.Configuration.GetValue("Eventing:DaemonMode", DaemonMode.HotCold);
            marten.AddAsyncDaemon(mode);
        }

        if (!BuildTime.IsGeneratingOpenApi)
        {
            builder.Services.AddHostedService<ModeAnnouncement>();
        }

        return builder;
    }

    /// <summary>The CloudEvents middleware (structured CloudEvents unwrapped, attributes as headers) and <c>/dapr/subscribe</c>.</summary>
    public static WebApplication UseEventing(this WebApplication app)
    {
        // Only the event routes take CloudEvents; elsewhere the content type gets no special treatment.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/events"), events => events
            .UseMiddleware<StructuredCloudEventGuard>()
            .UseCloudEvents(new Dapr.CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true }));
        app.MapSubscribeHandler().RequireAuthorization(DaprEndpointAuthorization.Policy);
        return app;
    }

    private const string StandaloneClient = "standalone-delivery";

    private static List<ICloudEventSink> CreateSinks(IServiceProvider sp)
    {
        var eventing = sp.GetRequiredService<IOptions<EventingOptions>>().Value;
        if (eventing.Mode == EventingMode.Dapr)
        {
            return [ActivatorUtilities.CreateInstance<DaprSink>(sp)];
        }

        var http = sp.GetRequiredService<IHttpClientFactory>();
        return [.. eventing.Subscribers.Select(uri => (ICloudEventSink)new StandaloneSink(
            new Uri(uri.ToString().TrimEnd('/') + "/"), http.CreateClient(StandaloneClient), eventing))];
    }

    /// <summary>Without an app API token the event endpoints refuse everything: say so once, at start.</summary>
    private sealed partial class TokenAnnouncement(IOptions<EventingOptions> options, ILogger<TokenAnnouncement> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!EventingOptions.IsToken(options.Value.AppApiToken))
            {
                LogNoToken(logger);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "No app API token configured (APP_API_TOKEN or Eventing:AppApiToken): this service "
            + "refuses every call to its event endpoints (/dapr/subscribe, /events/*) and cannot receive events; in standalone mode the "
            + "subscribers also refuse its own deliveries")]
        private static partial void LogNoToken(ILogger logger);
    }

    private sealed partial class ModeAnnouncement(IOptions<EventingOptions> options, IReadOnlyList<ICloudEventSink> sinks,
        ILogger<ModeAnnouncement> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Mode == EventingMode.Dapr)
            {
                LogDapr(logger, options.Value.PubSubName);
            }
            else if (sinks.Count == 0)
            {
                LogStandaloneAlone(logger);
            }
            else
            {
                LogStandalone(logger, string.Join(", ", sinks.OfType<StandaloneSink>().Select(s => s.Subscriber)));
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Eventing mode: Dapr — publishing to pub/sub component '{PubSub}' through the sidecar")]
        private static partial void LogDapr(ILogger logger, string pubSub);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Eventing mode: Standalone (no Dapr sidecar) without subscribers — this service's events are not published")]
        private static partial void LogStandaloneAlone(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Eventing mode: Standalone (no Dapr sidecar; single machine only) — delivering directly to: {Subscribers}")]
        private static partial void LogStandalone(ILogger logger, string subscribers);
    }
}
