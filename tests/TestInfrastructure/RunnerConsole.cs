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
            // A terminal or pipe is shared safely; a redirected file is not (the runner's own offset would overwrite the line).
            var path = $"/proc/{ParentProcessId()}/fd/1";
            var target = new FileInfo(path).LinkTarget ?? "";
            if (!target.StartsWith("pipe:", StringComparison.Ordinal) && !target.StartsWith("/dev/", StringComparison.Ordinal))
            {
                return;
            }

            using var runner = new FileStream(path, FileMode.Append, FileAccess.Write);
            using var writer = new StreamWriter(runner);
            writer.WriteLine(line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Best effort: the line is still in the app's own output, shown when a test fails.
        }
    }

    // /proc/self/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
    private static int ParentProcessId()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
