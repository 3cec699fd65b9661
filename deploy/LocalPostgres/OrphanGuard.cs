using System.Diagnostics;

namespace RobuustOD.LocalPostgres;

/// <summary>
/// pg_ctl detaches the server into its own session, so a host process that is killed (test host timeout, second Ctrl-C)
/// would leave a throwaway cluster running. This watcher lives in its own session too, outlives the host,
/// and stops the server and deletes its folder once the host is gone.
/// </summary>
internal sealed class OrphanGuard : IDisposable
{
    private const string Script =
        """
        exec </dev/null >/dev/null 2>&1
        owner=$1; folder=$2; shift 2
        while kill -0 "$owner"; do sleep 1; done
        "$@"
        rm -rf "$folder"
        """;

    private readonly Process? _process;

    private OrphanGuard(Process? process) => _process = process;

    public static OrphanGuard Start(string folder, IReadOnlyList<string> stopCommand)
    {
        var info = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["sh", "-c", Script, "orphan-guard", Environment.ProcessId.ToString(), folder, .. stopCommand])
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            return new OrphanGuard(Process.Start(info));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Without setsid there is no guard; normal disposal still cleans up.
            return new OrphanGuard(null);
        }
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
