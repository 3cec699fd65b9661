using JasperFx.Events.Projections;
using RobuustOD.Assessment;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
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
    .WarmUpStreams<Beoordelingsdossier>(
        // A draft opened and a criterion row written, in a transaction that is rolled back (the path of the drafting commands).
        new BeoordelingAangemaakt("2024", null, "warm-up", DateTimeOffset.UnixEpoch),
        new CriteriumGescoord("2024", new CriteriumScore(1, 1, null, null, null, [], null, null), "warm-up"));
// The first client's request: a row refused by its validator, a row and a read of an assessment that cannot exist (404),
// and the list (the resource's serializer).
var warmUpBeoordeling = new Dictionary<string, string> { ["id"] = EventStoreWarmUp.Key + "-2024", ["nummer"] = "1" };
builder.Services.WarmUpRequests(
    new WarmUpRequest("scoorCriterium", Roles.Ienw, warmUpBeoordeling, "{}"),
    new WarmUpRequest("scoorCriterium", Roles.Ienw, warmUpBeoordeling, """{"bronnen":[]}"""),
    new WarmUpRequest("haalBeoordelingOp", Roles.Ienw, warmUpBeoordeling),
    new WarmUpRequest("zoekBeoordelingen", Roles.Ienw, new Dictionary<string, string>()));
builder.AddEventing();
builder.PublishIntegrationEvents<BeoordelingEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Beoordeling));
builder.AddBeoordelingSeeds();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapBeoordelingApi();

app.Run();
