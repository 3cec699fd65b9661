using RobuustOD.Registry;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.Registry.Seeds;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;
using RobuustOD.Contracts.Eventing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(RegisterApi.Descriptor, typeof(RegisterApi).Assembly);
var store = builder.AddEventStore("register", options => options.AddOmgevingsdienstStreams());
builder.Services.AddLatestSnapshots<Omgevingsdienst>(od => od.Id, od => od.Version).WarmUpStreams<Omgevingsdienst>(
    // A registration and a change of its details, in a transaction that is rolled back (the path of every command).
    new OmgevingsdienstGeregistreerd(EventStoreWarmUp.Key, "warm-up", ["Utrecht"], null, null, []),
    new OmgevingsdienstGewijzigd("warm-up", ["Utrecht"], null));
// The first client's request: a change refused by its validator, a change and a read of an OD that cannot exist (404),
// and a page of the list (the resource's serializer).
var warmUpOd = new Dictionary<string, string> { ["code"] = EventStoreWarmUp.Key };
builder.Services.WarmUpRequests(
    new WarmUpRequest("wijzigOmgevingsdienst", Roles.Ienw, warmUpOd, "{}"),
    new WarmUpRequest("wijzigOmgevingsdienst", Roles.Ienw, warmUpOd, """{"naam":"warm-up"}"""),
    new WarmUpRequest("haalOmgevingsdienstOp", Roles.Ienw, warmUpOd),
    new WarmUpRequest("zoekOmgevingsdiensten", Roles.Ienw, new Dictionary<string, string>(), Query: "?paginaGrootte=1"));
builder.AddEventing();
builder.PublishIntegrationEvents<RegisterEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Register));
builder.AddRegisterSeeds();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapRegisterApi();

app.Run();
