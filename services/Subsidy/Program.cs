using RobuustOD.Subsidy;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone;
using RobuustOD.EventStore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(SubsidieApi.Descriptor, typeof(SubsidieApi).Assembly);
builder.AddEventStore("subsidie", options => options.AddRegisterReadModel());
builder.AddEventing();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapSubsidieApi();

app.Run();
