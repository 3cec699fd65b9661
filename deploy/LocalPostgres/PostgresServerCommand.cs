namespace RobuustOD.LocalPostgres;

/// <summary>
/// How to run a persistent cluster's server in the foreground under a supervisor (e.g. as an Aspire executable resource),
/// which then owns its lifetime and its log.
/// </summary>
public sealed class PostgresServerCommand
{
    private readonly ServerControl _control;

    private PostgresServerCommand(ServerControl control, IReadOnlyList<string> commandLine, int port)
    {
        _control = control;
        FileName = commandLine[0];
        Arguments = commandLine.Skip(1).ToArray();
        Port = port;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Arguments { get; }

    public string DataDirectory => _control.DataDirectory;

    public int Port { get; }

    /// <summary>
    /// Creates the cluster in <paramref name="dataDirectory"/> if the folder is missing or empty (as the postgres user when
    /// running as root) and returns the command that runs it on <see cref="PostgresClusterOptions.Port"/>.
    /// The database is not created here: the server is not running yet (see <see cref="PostgresDatabases"/>).
    /// </summary>
    public static async Task<PostgresServerCommand> PrepareAsync(
        string dataDirectory, PostgresClusterOptions? options = null, CancellationToken ct = default)
    {
        options ??= new PostgresClusterOptions();
        dataDirectory = Path.GetFullPath(dataDirectory);
        var prepared = await PersistentSetup.PrepareAsync(dataDirectory, options, options.Log ?? (_ => { }), ct);
        if (prepared.AlreadyRunningOnPort is { } running)
        {
            throw new InvalidOperationException(
                $"The cluster in {dataDirectory} already runs on port {running}. Use that port, " +
                $"or stop it: pg_ctl stop -D {dataDirectory}");
        }

        return new PostgresServerCommand(prepared.Control, prepared.Control.ForegroundCommandLine(prepared.Port), prepared.Port);
    }

    /// <summary>
    /// Stops the server with <c>pg_ctl stop -m fast</c> if it runs. A supervisor's SIGTERM means PostgreSQL's "smart"
    /// shutdown, which waits for every client to disconnect and so often ends in the supervisor's SIGKILL.
    /// </summary>
    public async Task<bool> StopAsync(CancellationToken ct = default)
    {
        if (await _control.RunningPortAsync(ct) is null)
        {
            return false;
        }

        await _control.StopAsync(ct);
        return true;
    }
}
