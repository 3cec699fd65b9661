using RobuustOD.CatalogusReadModel;
using JasperFx.Events.Projections;
using RobuustOD.Monitoring;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.Monitoring.Seeds;
using RobuustOD.Monitoring.Termijnen;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;
using RobuustOD.Contracts.Eventing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(MonitoringApi.Descriptor, typeof(MonitoringApi).Assembly);
var store = builder.AddEventStore("monitoring", options =>
{
    options.AddRegisterReadModel();
    options.AddCatalogusReadModel();
    options.Projections.Snapshot<Monitoringdossier>(SnapshotLifecycle.Inline);
    options.Projections.Snapshot<Rapportageronde>(SnapshotLifecycle.Inline);
    options.Projections.Snapshot<Rapportageformat>(SnapshotLifecycle.Inline);
    options.Projections.Snapshot<RobuustOD.Monitoring.Kamerrapportages.KamerrapportagePeriode>(SnapshotLifecycle.Inline);
});
builder.AddEventing();
builder.PublishIntegrationEvents<MonitoringEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Monitoring));
builder.Services.AddHostedService<MonitoringSeeds>();
builder.Services.AddSingleton<Verzuimbewaking>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Verzuimbewaking>());

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapMonitoringApi();

app.Run();
