using RobuustOD.Assessment.Seeds;
using RobuustOD.HttpDefaults;

// In the service's root namespace so that Program.cs needs one line: builder.AddBeoordelingSeeds().
namespace RobuustOD.Assessment;

public static class BeoordelingSeedExtensions
{
    /// <summary>
    /// Registers the seed importer; with <c>Seeds:LoadOnStartup</c>, loads <c>Seeds:Path</c>/beoordeling at start:
    /// the catalogue before the service serves requests, the assessments in the background once the register's
    /// events have brought their ODs here.
    /// </summary>
    public static WebApplicationBuilder AddBeoordelingSeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<BeoordelingSeedImporter>();
        if (builder.Configuration.GetValue<bool>("Seeds:LoadOnStartup") && !BuildTime.IsGeneratingOpenApi)
        {
            builder.Services.AddHostedService<SeedOnStartup>();
        }

        return builder;
    }
}
