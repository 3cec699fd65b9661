namespace RobuustOD.LocalPostgres;

/// <summary>Locates the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine.</summary>
public static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
        "Install them, e.g. `sudo apt-get install postgresql-15` (or `postgresql`) on Debian/Ubuntu, " +
        "or make a Docker daemon available.";

    /// <summary>The folder holding the server programs, or null when none is installed.</summary>
    public static string? TryFind()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(ResolveBinFolder)
            .FirstOrDefault(dir => dir is not null);
        if (onPath is not null)
        {
            return onPath;
        }

        // Debian and Ubuntu keep the server programs off PATH, one folder per major version.
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DebianRoot)
            .Select(dir => (Major: int.TryParse(Path.GetFileName(dir), out var major) ? major : -1, Bin: Path.Combine(dir, "bin")))
            .Where(candidate => candidate.Major >= 0 && HasServerPrograms(candidate.Bin))
            .OrderByDescending(candidate => candidate.Major)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    /// <summary>The folder holding the server programs; throws with an install hint when none is installed.</summary>
    public static string Find() => TryFind() ?? throw new InvalidOperationException(InstallHint);

    // A PATH entry often holds only symlinks (e.g. /usr/local/bin/initdb); pg_ctl needs postgres beside the real initdb.
    private static string? ResolveBinFolder(string dir)
    {
        var initdb = Path.Combine(dir, "initdb");
        if (!File.Exists(initdb))
        {
            return null;
        }

        var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
        var real = Path.GetDirectoryName(target);
        return real is not null && HasServerPrograms(real) ? real : null;
    }

    private static bool HasServerPrograms(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) &&
        File.Exists(Path.Combine(dir, "pg_ctl")) &&
        File.Exists(Path.Combine(dir, "postgres"));
}
