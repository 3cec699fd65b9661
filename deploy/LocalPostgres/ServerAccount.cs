namespace RobuustOD.LocalPostgres;

/// <summary>
/// initdb and pg_ctl refuse to run as root, so a root process runs them as the postgres system user
/// and hands that user the cluster's folders.
/// </summary>
internal sealed class ServerAccount
{
    private const string User = "postgres";

    private ServerAccount(bool switchUser) => SwitchUser = switchUser;

    public bool SwitchUser { get; }

    public static async Task<ServerAccount> ResolveAsync(Action<string> log, CancellationToken ct)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(switchUser: false);
        }

        var exists = await ProcessRunner.RunAsync("id", ["-u", User], ct);
        if (exists.ExitCode != 0)
        {
            log($"running as root and no '{User}' user exists: creating it as a system user");
            await ProcessRunner.RunCheckedAsync(
                "useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", User], ct);
        }

        return new ServerAccount(switchUser: true);
    }

    public Task<string> RunCheckedAsync(string program, IReadOnlyList<string> args, CancellationToken ct) =>
        SwitchUser
            ? ProcessRunner.RunCheckedAsync("runuser", ["-u", User, "--", program, .. args], ct)
            : ProcessRunner.RunCheckedAsync(program, args, ct);

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> args, CancellationToken ct) =>
        SwitchUser
            ? ProcessRunner.RunAsync("runuser", ["-u", User, "--", program, .. args], ct)
            : ProcessRunner.RunAsync(program, args, ct);

    /// <summary>The command line that runs <paramref name="program"/> as the server's user.</summary>
    public IReadOnlyList<string> CommandLine(string program, params IReadOnlyList<string> args) =>
        SwitchUser ? ["runuser", "-u", User, "--", program, .. args] : [program, .. args];

    /// <summary>
    /// A command line that becomes <paramref name="program"/> itself (setpriv execs, unlike runuser which stays as parent),
    /// so a supervisor's signals reach the server directly.
    /// </summary>
    public IReadOnlyList<string> ForegroundCommandLine(string program, params IReadOnlyList<string> args) =>
        SwitchUser
            ? ["setpriv", $"--reuid={User}", $"--regid={User}", "--init-groups", "--", program, .. args]
            : [program, .. args];

    public async Task HandOverAsync(string directory, CancellationToken ct)
    {
        if (!OperatingSystem.IsWindows())
        {
            // The server refuses a data directory that others can read.
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!SwitchUser)
        {
            return;
        }

        await ProcessRunner.RunCheckedAsync("chown", ["-R", $"{User}:{User}", directory], ct);
        var reachable = await RunAsync("test", ["-w", directory], ct);
        if (reachable.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The '{User}' user cannot reach {directory} (a parent folder is private, e.g. under /root). " +
                "Put the PostgreSQL data somewhere that user can traverse.");
        }
    }
}
