namespace RobuustOD.TestInfrastructure.Processes;

/// <summary>
/// A service as its build left it in its own output folder (<c>bin/&lt;Configuration&gt;/net10.0</c>, with its
/// appsettings): what <c>dotnet &lt;dll&gt;</c> runs. The configuration is the one the calling test or benchmark was
/// built with, which builds the services it references in the same configuration.
/// </summary>
public sealed record BuiltService(string Name, string Folder, string Dll)
{
    public static BuiltService Registry => Locate("services/Registry", "RobuustOD.Registry");

    public static BuiltService Monitoring => Locate("services/Monitoring", "RobuustOD.Monitoring");

    public static BuiltService Assessment => Locate("services/Assessment", "RobuustOD.Assessment");

    public static BuiltService DevIdentity => Locate("deploy/DevIdentity", "RobuustOD.DevIdentity");

    /// <summary><paramref name="project"/> is the project's folder relative to the repository root.</summary>
    public static BuiltService Locate(string project, string assemblyName)
    {
        // AppContext.BaseDirectory is <project>/bin/<Configuration>/<tfm>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent?.Name
            ?? throw new InvalidOperationException($"Cannot tell the build configuration from {output.FullName}.");
        var folder = Path.Combine(RepositoryRoot(), project, "bin", configuration, framework);
        var dll = Path.Combine(folder, assemblyName + ".dll");
        if (!File.Exists(dll) || !File.Exists(Path.Combine(folder, assemblyName + ".runtimeconfig.json")))
        {
            throw new InvalidOperationException(
                $"{dll} is not built: reference {project} from the test or benchmark project so that its build builds it.");
        }

        return new BuiltService(assemblyName, folder, dll);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RobuustOD.sln above {AppContext.BaseDirectory}.");
    }
}
