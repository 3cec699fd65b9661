using RobuustOD.HttpDefaults;

namespace RobuustOD.Registry.Seeds;

public static class SeedExtensions
{
    /// <summary>With <c>Seeds:LoadOnStartup</c>, the register loads <c>Seeds:Path</c> before it serves requests.</summary>
    public static WebApplicationBuilder AddRegisterSeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<RegisterSeedImporter>();
        if (builder.Configuration.GetValue<bool>("Seeds:LoadOnStartup") && !BuildTime.IsGeneratingOpenApi)
        {
            builder.Services.AddHostedService<SeedOnStartup>();
        }

        return builder;
    }

    private sealed class SeedOnStartup(RegisterSeedImporter importer, IConfiguration configuration) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var folder = configuration["Seeds:Path"]
                ?? throw new InvalidOperationException("Seeds:LoadOnStartup is set but Seeds:Path is not.");
            await importer.ImportAsync(RegisterSeedImporter.Lees(folder), cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
