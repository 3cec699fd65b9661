using System.Reflection;

namespace RobuustOD.HttpDefaults;

/// <summary>
/// Build-time OpenAPI generation runs the host inside GetDocument.Insider; start-up work
/// that needs PostgreSQL must be skipped then, or the build fails.
/// </summary>
public static class BuildTime
{
    public static bool IsGeneratingOpenApi { get; } =
        Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
