using RobuustOD.Registry;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.Registry.Seeds;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;
using RobuustOD.Contracts.Eventing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(RegisterApi.Descriptor, typeof(RegisterApi).Assembly);
var store = builder.AddEventStore("register", options => options.AddOmgevingsdienstStreams());
builder.Services.AddLatestSnapshots<Omgevingsdienst>(od => od.Id, od => od.Version).WarmUpStreams<Omgevingsdienst>();
builder.AddEventing();
builder.PublishIntegrationEvents<RegisterEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Register));
builder.AddRegisterSeeds();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapRegisterApi();

app.Run();
