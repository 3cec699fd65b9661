using JasperFx.Events.Projections;
using Marten;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RobuustOD.Contracts.Eventing;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.Notifications;
using RobuustOD.Notifications.Abonnementen;
using RobuustOD.Notifications.Afleveringen;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(NotificatiesApi.Descriptor, typeof(NotificatiesApi).Assembly);
builder.Services.AddOptions<NotificatieOptions>().Bind(builder.Configuration.GetSection("Notificaties"));
builder.Services.AddSingleton<AfleverSignaal>();
var store = builder.AddEventStore("notificaties", options =>
{
    options.Projections.Snapshot<Abonnement>(SnapshotLifecycle.Inline);
    options.Schema.For<Abonnement>().Index(a => a.Status);
    options.Schema.For<Abonnementsgeheim>();
    options.Schema.For<Gebeurtenis>();
    options.Schema.For<AanvraagKenmerk>();
    options.Schema.For<Aflevering>().Index(a => a.AbonnementId).Index(a => a.Volgnummer).Index(a => a.Status).Index(a => a.Onderwerp);
});
builder.Services.ConfigureMarten((sp, options) => options.Listeners.Add(new AfleverSignaal.Luisteraar(sp.GetRequiredService<AfleverSignaal>())));
// A subscription made and changed, in a transaction that is rolled back (the path of the subscriber's commands; the
// handshake with the sink is not part of it: it calls the subscriber).
var warmUpInstellingen = new Instellingen("https://warm-up.invalid/", ["warm-up"], null, Authenticatiesoort.Geen, null, "warm-up", null, false);
builder.Services.WarmUpStreams<Abonnement>(
    new AbonnementAangemaakt(EventStoreWarmUp.Key, Roles.Ienw, null, warmUpInstellingen, null, DateTimeOffset.UnixEpoch),
    new AbonnementGewijzigd(warmUpInstellingen, null, DateTimeOffset.UnixEpoch));
// The first client's request: a subscription refused by its validator, a change and a read of a subscription that
// cannot exist (404), and the list. Not a subscription made with a valid body, nor a test event: those call the
// subscriber's sink (the handshake) before their 404 or their append.
var warmUpAbonnement = new Dictionary<string, string> { ["id"] = EventStoreWarmUp.Key };
builder.Services.WarmUpRequests(
    new WarmUpRequest("maakAbonnementAan", Roles.Ienw, new Dictionary<string, string>(), "{}"),
    new WarmUpRequest("wijzigAbonnement", Roles.Ienw, warmUpAbonnement, """{"contact":"warm-up"}"""),
    new WarmUpRequest("haalAbonnementOp", Roles.Ienw, warmUpAbonnement),
    new WarmUpRequest("zoekAbonnementen", Roles.Ienw, new Dictionary<string, string>()));
builder.AddEventing();
builder.PublishIntegrationEvents<NotificatiesEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Notificaties));

builder.Services.AddSingleton<BestemmingsClient>();
builder.Services.AddSingleton<Toegangstokens>();
builder.Services.AddSingleton<Bezorger>();
builder.Services.AddSingleton<Handdruk>();
builder.Services.AddSingleton<Achterstand>();
builder.Services.AddHealthChecks().AddCheck<Achterstand>("achterstand", tags: ["ready"]);
builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(Achterstand.MeterNaam));
builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(Bezorger.Activiteiten.Name));
if (!BuildTime.IsGeneratingOpenApi)
{
    builder.Services.AddHostedService<Afleverdienst>();
}

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapNotificatiesApi();

app.Run();
