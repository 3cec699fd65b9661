using RobuustOD.Assessment;
using RobuustOD.RegisterReadModel;
using RobuustOD.ServiceDefaults;
using RobuustOD.ServiceDefaults.Eventing;
using RobuustOD.ServiceDefaults.EventStore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(BeoordelingApi.Descriptor, typeof(BeoordelingApi).Assembly);
builder.AddEventStore("beoordeling", options => options.AddRegisterReadModel());
builder.AddEventing();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapBeoordelingApi();

app.Run();
