using System.Globalization;

namespace RobuustOD.LocalPostgres;

/// <summary>initdb and pg_ctl for one data directory.</summary>
internal sealed class ServerControl(string bin, ServerAccount account, string dataDirectory, string socketDirectory, string logFile)
{
    private string PgCtl => Path.Combine(bin, "pg_ctl");

    public string DataDirectory => dataDirectory;

    public IReadOnlyList<string> StopCommandLine(string mode) =>
        account.CommandLine(PgCtl, "stop", "-D", dataDirectory, "-m", mode, "-w");

    public async Task InitAsync(PostgresClusterOptions options, CancellationToken ct)
    {
        List<string> args = ["-D", dataDirectory, "-U", options.Username, "-E", "UTF8", "--no-locale", "--auth-local=trust"];
        var passwordFile = Path.GetTempFileName();
        if (options.Password is null)
        {
            args.Add("--auth-host=trust");
        }
        else
        {
            await File.WriteAllTextAsync(passwordFile, options.Password, ct);
            await account.HandOverAsync(passwordFile, ct);
            args.AddRange(["--auth-host=scram-sha-256", $"--pwfile={passwordFile}"]);
        }

        try
        {
            await account.RunCheckedAsync(Path.Combine(bin, "initdb"), args, ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>Starts the server; with <paramref name="requestedPort"/> 0 it retries on another free port when one was taken meanwhile.</summary>
    public async Task<int> StartAsync(int requestedPort, IReadOnlyList<string> settings, Action<string> log, CancellationToken ct)
    {
        if (socketDirectory.Contains('\'', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The socket directory must not contain a quote: {socketDirectory}");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = requestedPort == 0 ? FreePort.Pick() : requestedPort;
            await WriteConnectionSettingsAsync(port, ct);
            // pg_ctl pastes -o into a shell command line, hence the quoting.
            var serverOptions = string.Join(' ', ServerArguments(port, settings).Select(arg => $"'{arg}'"));
            var result = await account.RunAsync(
                PgCtl, ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", logFile, "-o", serverOptions], ct);
            if (result.ExitCode == 0)
            {
                return port;
            }

            var logTail = LogTail();
            if (requestedPort == 0 && attempt < 5 && logTail.Contains("could not bind", StringComparison.Ordinal))
            {
                log($"port {port} was taken meanwhile; trying another");
                continue;
            }

            throw new InvalidOperationException(
                $"pg_ctl could not start the cluster in {dataDirectory} on port {port} (exit code {result.ExitCode}):\n" +
                $"{result.Output}\n--- {logFile} ---\n{logTail}");
        }
    }

    /// <summary>Runs the server in the foreground, as the server's user, for a supervisor that owns its lifetime.</summary>
    public IReadOnlyList<string> ForegroundCommandLine(int port) =>
        account.ForegroundCommandLine(Path.Combine(bin, "postgres"), ["-D", dataDirectory, .. ServerArguments(port, [])]);

    public async Task StopAsync(CancellationToken ct) => await StopAsync("fast", ct);

    public async Task StopAsync(string mode, CancellationToken ct) =>
        await account.RunCheckedAsync(PgCtl, ["stop", "-D", dataDirectory, "-m", mode, "-w"], ct);

    /// <summary>The port of a server already running on this data directory, if any.</summary>
    public async Task<int?> RunningPortAsync(CancellationToken ct)
    {
        var status = await account.RunAsync(PgCtl, ["status", "-D", dataDirectory], ct);
        if (status.ExitCode != 0)
        {
            return null;
        }

        // postmaster.pid: pid, data dir, start time, port, ...
        var lines = await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "postmaster.pid"), ct);
        return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var port) ? port : null;
    }

    private const string BeginMarker = "# robuustod: connection settings (written on every start; edit Postgres:Port instead)";
    private const string EndMarker = "# robuustod: end";

    /// <summary>
    /// Writes the port, socket directory and listen address into the cluster's own <c>postgresql.conf</c>, so that a
    /// plain <c>pg_ctl start -D &lt;dir&gt;</c> by hand brings the server up where the services look for it (not on
    /// 5432 with a socket in /var/run). The block is replaced on every start, so a changed port takes effect.
    /// </summary>
    public async Task WriteConnectionSettingsAsync(int port, CancellationToken ct)
    {
        var conf = Path.Combine(dataDirectory, "postgresql.conf");
        var lines = (await File.ReadAllLinesAsync(conf, ct)).ToList();
        var begin = lines.IndexOf(BeginMarker);
        var end = lines.IndexOf(EndMarker);
        if (begin >= 0 && end > begin)
        {
            lines.RemoveRange(begin, end - begin + 1);
        }

        lines.AddRange([
            BeginMarker,
            $"port = {port.ToString(CultureInfo.InvariantCulture)}",
            // The private socket folder lives under the temporary folder; /tmp as well, so that a start by hand after
            // a reboot (which empties it) still finds one folder to put its socket in. The services use TCP.
            $"unix_socket_directories = '{socketDirectory},/tmp'",
            "listen_addresses = '127.0.0.1'",
            EndMarker,
        ]);
        // Rewrite in place: the file keeps its owner (the postgres user when the cluster runs as that account).
        await File.WriteAllLinesAsync(conf, lines, ct);
    }

    private string[] ServerArguments(int port, IReadOnlyList<string> settings) =>
        ["-p", port.ToString(CultureInfo.InvariantCulture), "-k", socketDirectory, "-c", "listen_addresses=127.0.0.1",
            .. settings.SelectMany(setting => new[] { "-c", setting })];

    private string LogTail() =>
        File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(20)) : "(no log written)";
}
