using RobuustOD.CatalogusReadModel;
using JasperFx.Events.Projections;
using RobuustOD.Monitoring;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.Monitoring.Seeds;
using RobuustOD.Monitoring.Termijnen;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
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
    options.AddBijsturing();
});
builder.Services.WarmUpStreams<Monitoringdossier>(
        // A report opened and its key figures filled in, in a transaction that is rolled back (the path of the OD's commands).
        new VoortgangsrapportageAangemaakt(EventStoreWarmUp.Key, "warm-up", 1),
        new KerngetallenIngevuld("warm-up", new Dictionary<string, decimal?>()))
    // What those commands read besides the dossier: the round and the report format.
    .WarmUpStreams<Rapportageronde>().WarmUpStreams<Rapportageformat>();
// The first client's request: a report and key figures refused by their validators, key figures and a read of a report that cannot
// exist (404), the report format and the list of rounds (reads: what a report's resource loads besides the dossier). Not a report opened with a valid body: its OD and
// round are real names that could exist, and then it would be stored.
var warmUpRapportage = new Dictionary<string, string> { ["id"] = EventStoreWarmUp.Key + "-warm-up" };
builder.Services.WarmUpRequests(
    new WarmUpRequest("maakVoortgangsrapportageAan", Roles.Ienw, new Dictionary<string, string>(), "{}"),
    new WarmUpRequest("vulKerngetallenIn", Roles.Ienw, warmUpRapportage, "{}"),
    new WarmUpRequest("vulKerngetallenIn", Roles.Ienw, warmUpRapportage, """{"waarden":{}}"""),
    new WarmUpRequest("haalVoortgangsrapportageOp", Roles.Ienw, warmUpRapportage),
    new WarmUpRequest("haalRapportageformatOp", Roles.Ienw, new Dictionary<string, string>()),
    new WarmUpRequest("haalRapportagerondesOp", Roles.Ienw, new Dictionary<string, string>()));
builder.AddEventing();
builder.PublishIntegrationEvents<MonitoringEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Monitoring));
builder.Services.AddHostedService<MonitoringSeeds>();
builder.Services.AddSingleton<Verzuimbewaking>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Verzuimbewaking>());
builder.Services.AddHostedService<BijsturingSeeds>();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapMonitoringApi();

app.Run();
