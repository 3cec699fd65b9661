using JasperFx.Events.Projections;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Subsidy;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Beschikkingen;
using RobuustOD.Subsidy.Regelingen;
using RobuustOD.Subsidy.Seeds;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;
using RobuustOD.Contracts.Eventing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(SubsidieApi.Descriptor, typeof(SubsidieApi).Assembly, GeldJson.Schema);
builder.AddSubsidiePolicies();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new GeldJson()));
var store = builder.AddEventStore("subsidie", options =>
{
    options.AddRegisterReadModel();
    options.AddCatalogusReadModel();
    options.Projections.Snapshot<Regeling>(SnapshotLifecycle.Inline);
    options.Projections.Snapshot<Budget>(SnapshotLifecycle.Inline);
    options.Projections.Snapshot<Aanvraag>(SnapshotLifecycle.Inline);
    options.Schema.For<Aanvraag>().Index(a => a.Omgevingsdienst).Index(a => a.Regeling);
    options.Schema.For<BeschikkingSjabloon>();
});
builder.AddEventing();
builder.PublishIntegrationEvents<SubsidieEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Subsidie));
builder.Services.AddHostedService<SubsidieSeeds>();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapSubsidieApi();

app.Run();
