using RobuustOD.Monitoring;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(MonitoringApi.Descriptor, typeof(MonitoringApi).Assembly);
builder.AddEventStore("monitoring", options => options.AddRegisterReadModel());
builder.AddEventing();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapMonitoringApi();

app.Run();
