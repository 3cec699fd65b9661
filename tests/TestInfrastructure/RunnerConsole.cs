namespace RobuustOD.TestInfrastructure;

/// <summary>
/// `dotnet test` (Microsoft.Testing.Platform mode) shows a test app's console output only when the app fails
/// (dotnet/sdk#51615). Which database the tests used should show in every run, so under `dotnet test` on Linux
/// the line is also appended to the standard output of the `dotnet test` process itself.
/// </summary>
internal static class RunnerConsole
{
    public static void WriteLine(string line)
    {
        Console.WriteLine(line);
        if (!OperatingSystem.IsLinux() || !Environment.GetCommandLineArgs().Contains("dotnettestcli"))
        {
            return;
        }

        try
        {
            var parent = ParentProcessId();
            var path = $"/proc/{parent}/fd/1";
            if (!IsSafeToShare(parent, new FileInfo(path).LinkTarget ?? ""))
            {
                return;
            }

            using var runner = new FileStream(path, FileMode.Append, FileAccess.Write);
            using var writer = new StreamWriter(runner);
            writer.WriteLine(line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            // Best effort: the line is still in the app's own output, shown when a test fails.
        }
    }

    // A terminal or pipe is shared safely. A file only when the runner appends to it (>>): otherwise the runner's
    // next write, at its own offset, would overwrite the line.
    private static bool IsSafeToShare(int parent, string target)
    {
        if (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return true;
        }

        const int appendFlag = 0x400; // O_APPEND
        var flags = File.ReadLines($"/proc/{parent}/fdinfo/1")
            .FirstOrDefault(line => line.StartsWith("flags:", StringComparison.Ordinal))?["flags:".Length..].Trim();
        return target.StartsWith('/') && flags is not null && (Convert.ToInt32(flags, 8) & appendFlag) != 0;
    }

    // /proc/self/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
    private static int ParentProcessId()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
