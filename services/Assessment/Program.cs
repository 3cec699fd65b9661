using JasperFx.Events.Projections;
using RobuustOD.Assessment;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;
using RobuustOD.Contracts.Eventing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(BeoordelingApi.Descriptor, typeof(BeoordelingApi).Assembly);
var store = builder.AddEventStore("beoordeling", options =>
{
    options.AddRegisterReadModel();
    options.Projections.Snapshot<Beoordelingsdossier>(SnapshotLifecycle.Inline);
    options.Schema.For<CriteriumVersie>().Index(c => c.Nummer);
    RobuustOD.Assessment.Brieven.BriefSjablonen.Registreer(options);
});
builder.Services.AddLatestSnapshots<Beoordelingsdossier>(dossier => dossier.Id, dossier => dossier.Version).AddSingleton<CriteriumTitels>()
    .WarmUpStreams<Beoordelingsdossier>();
builder.AddEventing();
builder.PublishIntegrationEvents<BeoordelingEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Beoordeling));
builder.AddBeoordelingSeeds();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapBeoordelingApi();

app.Run();
