using RobuustOD.Subsidy;
using RobuustOD.RegisterReadModel;
using RobuustOD.ServiceDefaults;
using RobuustOD.ServiceDefaults.Eventing;
using RobuustOD.ServiceDefaults.EventStore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(SubsidieApi.Descriptor, typeof(SubsidieApi).Assembly);
builder.AddEventStore("subsidie", options => options.AddRegisterReadModel());
builder.AddEventing();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapSubsidieApi();

app.Run();
