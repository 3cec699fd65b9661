using System.Diagnostics;
using System.Globalization;

namespace RobuustOD.AppHost.Tests;

/// <summary>Processes as Linux's <c>/proc</c> shows them: who listens on a port, who descends from whom.</summary>
internal static class ProcFs
{
    /// <summary>The process listening on 127.0.0.1:<paramref name="port"/> (the service, not DCP's `dotnet run`).</summary>
    public static Process? ListeningOn(int port)
    {
        var local = $"0100007F:{port:X4}";
        var inode = File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[1] == local && f[3] == "0A") // LISTEN
            .Select(f => f[9]).FirstOrDefault();
        if (inode is null)
        {
            return null;
        }

        foreach (var pid in Pids())
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                    .Any(fd => new FileInfo(fd).LinkTarget == $"socket:[{inode}]"))
                {
                    return Process.GetProcessById(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A process that ended meanwhile, or one we may not look into.
            }
        }

        return null;
    }

    /// <summary>Every living process below <paramref name="root"/>, children before their parents' parents.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var pid in Pids())
        {
            if (ParentOf(pid) is { } parent)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }

        var found = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                found.Add(child);
                pending.Push(child);
            }
        }

        return found;
    }

    /// <summary>
    /// Processes started with <c>--monitor PID</c>: Aspire starts DCP detached (its parent is init, not the test
    /// process), to watch the app host's process and clean up after it.
    /// </summary>
    public static IReadOnlyList<int> Monitoring(int pid)
    {
        var found = new List<int>();
        foreach (var candidate in Pids())
        {
            try
            {
                var args = File.ReadAllText($"/proc/{candidate}/cmdline").Split('\0');
                for (var i = 0; i + 1 < args.Length; i++)
                {
                    if (args[i] == "--monitor" && args[i + 1] == pid.ToString(CultureInfo.InvariantCulture))
                    {
                        found.Add(candidate);
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Ended meanwhile.
            }
        }

        return found;
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    /// <summary>The fourth field of <c>/proc/PID/stat</c>, after the command name in parentheses (which may hold spaces).</summary>
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>
/// What an app host under test left running: the test process's descendants, DCP (which watches the test process
/// with <c>--monitor</c>) and everything below it (`dotnet run`, the services), and whatever listens on its ports.
/// </summary>
internal sealed record LeftoverProcesses(int Id, string Name)
{
    public static IReadOnlyList<LeftoverProcesses> Find(int testProcess, IEnumerable<int> ports)
    {
        var pids = ProcFs.Descendants(testProcess).ToHashSet();
        foreach (var dcp in ProcFs.Monitoring(testProcess))
        {
            pids.Add(dcp);
            pids.UnionWith(ProcFs.Descendants(dcp));
        }

        foreach (var port in ports)
        {
            if (ProcFs.ListeningOn(port) is { } listener)
            {
                pids.Add(listener.Id);
                listener.Dispose();
            }
        }

        pids.Remove(testProcess);
        var found = new List<LeftoverProcesses>();
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                found.Add(new LeftoverProcesses(pid, process.ProcessName));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Ended meanwhile.
            }
        }

        return found;
    }

    /// <summary>What is still left after <paramref name="grace"/> (DCP ends by itself once it has stopped what it ran).</summary>
    public static async Task<IReadOnlyList<LeftoverProcesses>> AfterGraceAsync(int testProcess, IEnumerable<int> ports, TimeSpan grace)
    {
        var clock = Stopwatch.StartNew();
        var left = Find(testProcess, ports);
        while (left.Count > 0 && clock.Elapsed < grace)
        {
            await Task.Delay(250);
            left = Find(testProcess, ports);
        }

        return left;
    }

    public void Kill()
    {
        try
        {
            using var process = Process.GetProcessById(Id);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Ended meanwhile.
        }
    }
}
