using System.Diagnostics;

namespace RobuustOD.AppHost.Tests;

/// <summary>The clean-up after the run command: what it left running is found and ended.</summary>
public sealed class LeftoverProcessesTests
{
    [Fact]
    public async Task A_grandchild_of_the_test_process_is_found_and_killed_with_its_parent()
    {
        // sh -> sleep: the grandchild stands for a service below DCP's `dotnet run`.
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "sleep 300 & wait"]))!;
        var deadline = Stopwatch.StartNew();
        IReadOnlyList<int> below;
        while ((below = ProcFs.Descendants(shell.Id)).Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var sleeper = Assert.Single(below);
        var found = LeftoverProcesses.Find(Environment.ProcessId, []);
        Assert.Contains(found, p => p.Id == shell.Id);
        Assert.Contains(found, p => p.Id == sleeper);
        Assert.DoesNotContain(found, p => p.Id == Environment.ProcessId);

        foreach (var left in found.Where(p => p.Id == shell.Id))
        {
            left.Kill();
        }

        await shell.WaitForExitAsync(TestContext.Current.CancellationToken);
        while (Directory.Exists($"/proc/{sleeper}") && !IsZombie(sleeper) && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(!Directory.Exists($"/proc/{sleeper}") || IsZombie(sleeper), $"pid {sleeper} still runs");
    }

    [Fact]
    public async Task A_detached_process_that_monitors_the_test_process_is_found_with_what_runs_below_it()
    {
        // As DCP: not a child of the test process (its parent, sh, exits at once), but started with --monitor <test pid>.
        var ct = TestContext.Current.CancellationToken;
        using (var starter = Process.Start(new ProcessStartInfo("/bin/sh",
            ["-c", $"/bin/sh -c 'sleep 300; true' dcp --monitor {Environment.ProcessId} >/dev/null 2>&1 &"]))!)
        {
            await starter.WaitForExitAsync(ct);
        }

        var deadline = Stopwatch.StartNew();
        IReadOnlyList<int> monitors;
        while ((monitors = ProcFs.Monitoring(Environment.ProcessId)).Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, ct);
        }

        var dcp = Assert.Single(monitors);
        Assert.DoesNotContain(dcp, ProcFs.Descendants(Environment.ProcessId));
        while (ProcFs.Descendants(dcp).Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, ct);
        }

        var below = Assert.Single(ProcFs.Descendants(dcp));
        var found = LeftoverProcesses.Find(Environment.ProcessId, []);
        Assert.Contains(found, p => p.Id == dcp);
        Assert.Contains(found, p => p.Id == below);

        foreach (var left in found.Where(p => p.Id == dcp))
        {
            left.Kill();
        }

        while ((Alive(dcp) || Alive(below)) && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, ct);
        }

        Assert.False(Alive(dcp) || Alive(below), $"pid {dcp} or {below} still runs");
    }

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
