using JasperFx.Events.Projections;
using RobuustOD.CatalogusReadModel;
using RobuustOD.Subsidy;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Beschikkingen;
using RobuustOD.Subsidy.Regelingen;
using RobuustOD.Subsidy.Seeds;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
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
// A draft request made and changed, in a transaction that is rolled back (the path of the OD's commands), and what those
// commands read besides the request: the scheme and its budget.
Activiteit[] warmUpActiviteiten = [new("warm-up", [1], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [new("warm-up", 1.00m)])];
builder.Services.WarmUpStreams<Aanvraag>(
        new AanvraagOpgesteld(EventStoreWarmUp.Key, "warm-up", Eigenaar.Odnl, "warm-up", warmUpActiviteiten, [], [], DateTimeOffset.UnixEpoch),
        new AanvraagGewijzigd(warmUpActiviteiten, [], [], DateTimeOffset.UnixEpoch))
    .WarmUpStreams<Regeling>().WarmUpStreams<Budget>();
// The first client's request: a draft refused by its validator, a change and a read of a request that cannot exist
// (404), the overview of an OD that is not known (the register's copy), and the list (the resource's serializer).
// Not a draft made with a valid body: its scheme and OD are real names, and then it would be stored.
var warmUpAanvraag = new Dictionary<string, string> { ["id"] = EventStoreWarmUp.Key };
builder.Services.WarmUpRequests(
    new WarmUpRequest("maakAanvraagAan", Roles.Ienw, new Dictionary<string, string>(), "{}"),
    new WarmUpRequest("wijzigAanvraag", Roles.Ienw, warmUpAanvraag, """
        {"regeling":"warm-up","omgevingsdienst":"WARMUP","activiteiten":[{"omschrijving":"warm-up","criteria":[1],
        "periode":{"van":"2026-01-01","tot":"2026-12-31"},"kostenregels":[{"categorie":"warm-up","bedrag":1.00}]}]}
        """),
    new WarmUpRequest("haalAanvraagOp", Roles.Ienw, warmUpAanvraag),
    new WarmUpRequest("haalOmgevingsdienstOp", Roles.Ienw, new Dictionary<string, string> { ["code"] = EventStoreWarmUp.Key }),
    new WarmUpRequest("zoekAanvragen", Roles.Ienw, new Dictionary<string, string>()));
builder.AddEventing();
builder.PublishIntegrationEvents<SubsidieEventMapper>(store, system: PubSub.PublisherOf(PubSub.Topics.Subsidie));
builder.Services.AddHostedService<SubsidieSeeds>();

var app = builder.Build();

app.UseServiceDefaults();
app.UseEventing();
app.MapSubsidieApi();

app.Run();
