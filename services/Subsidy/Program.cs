using RobuustOD.CatalogusReadModel;
using RobuustOD.Subsidy;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;
using RobuustOD.Contracts.Eventing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(SubsidieApi.Descriptor, typeof(SubsidieApi).Assembly);
var store = builder.AddEventStore("subsidie", options => options.AddRegisterReadModel().AddCatalogusReadModel());
builder.AddEventing();
builder.PublishIntegrationEvents<SubsidieEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Subsidie));

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapSubsidieApi();

app.Run();
