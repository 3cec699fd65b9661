using RobuustOD.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var database = await RobuustDatabase.AddAsync(builder);
var platform = new RobuustPlatform(builder, database);

platform.AddService<Projects.Registry>("registry", defaultPort: 5101);
// platform.AddService<Projects.Assessment>("assessment", defaultPort: 5102);
// platform.AddService<Projects.Monitoring>("monitoring", defaultPort: 5103);
// platform.AddService<Projects.Subsidy>("subsidy", defaultPort: 5104);

await builder.Build().RunAsync();
