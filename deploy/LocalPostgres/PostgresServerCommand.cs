namespace RobuustOD.LocalPostgres;

/// <summary>
/// How to run a persistent cluster's server in the foreground under a supervisor (e.g. as an Aspire executable resource),
/// which then owns its lifetime and its log. The server stops on SIGTERM (smart) or SIGINT (fast).
/// </summary>
public sealed record PostgresServerCommand(string FileName, IReadOnlyList<string> Arguments, string DataDirectory, int Port)
{
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

        var commandLine = prepared.Control.ForegroundCommandLine(prepared.Port);
        return new PostgresServerCommand(commandLine[0], commandLine.Skip(1).ToArray(), dataDirectory, prepared.Port);
    }
}
