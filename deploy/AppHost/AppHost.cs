using RobuustOD.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var database = await RobuustDatabase.AddAsync(builder);
var platform = new RobuustPlatform(builder, database);

var registry = platform.AddService<Projects.Registry>("registry", defaultPort: 5101);
var assessment = platform.AddService<Projects.Assessment>("assessment", defaultPort: 5102);
var monitoring = platform.AddService<Projects.Monitoring>("monitoring", defaultPort: 5103);
var subsidy = platform.AddService<Projects.Subsidy>("subsidy", defaultPort: 5104);
var notifications = platform.AddService<Projects.Notifications>("notifications", defaultPort: 5105);

// No Dapr sidecars here: each publisher delivers its events to the subscribing services directly (the register to
// all three others; the assessment, with its criteria catalogue and publications, to monitoring and subsidy).
platform.DeliverEvents(registry, assessment, monitoring, subsidy);
platform.DeliverEvents(assessment, monitoring, subsidy);
// The notification service follows every topic: every publisher also delivers to it.
foreach (var publisher in new[] { registry, assessment, monitoring, subsidy })
{
    platform.DeliverEvents(publisher, notifications);
}

// The front door and the dashboard, once the services are ready (http://127.0.0.1:8080).
var gateway = platform.AddGateway(defaultPort: 8080,
    ("register", registry), ("beoordeling", assessment), ("monitoring", monitoring), ("subsidie", subsidy), ("notificaties", notifications));

// DCP does not restart a process that crashes: the app host does (with backoff).
builder.RestartCrashed(platform.Identity, registry, assessment, monitoring, subsidy, notifications, gateway);

await builder.Build().RunAsync();
