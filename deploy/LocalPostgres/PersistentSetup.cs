namespace RobuustOD.LocalPostgres;

/// <summary>Creates (once) and locates a persistent cluster's folders, shared by the pg_ctl and foreground ways of running it.</summary>
internal static class PersistentSetup
{
    public sealed record Prepared(string Bin, ServerControl Control, int Port, int? AlreadyRunningOnPort);

    public static async Task<Prepared> PrepareAsync(
        string dataDirectory, PostgresClusterOptions options, Action<string> log, CancellationToken ct)
    {
        var bin = PostgresBinaries.Find();
        var account = await ServerAccount.ResolveAsync(log, ct);
        var port = options.Port == 0 ? FreePort.Pick() : options.Port;
        // Unix socket paths are limited to ~100 characters, too short for a data folder deep in a work tree.
        var socket = Path.Combine(Path.GetTempPath(), $"robuustod-pg-{port}");
        var control = new ServerControl(bin, account, dataDirectory, socket, Path.Combine(dataDirectory, "server.log"));

        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            if (await control.RunningPortAsync(ct) is { } runningPort)
            {
                return new Prepared(bin, control, port, runningPort);
            }
        }
        else
        {
            if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            {
                throw new InvalidOperationException($"{dataDirectory} is neither empty nor a PostgreSQL data directory.");
            }

            Directory.CreateDirectory(dataDirectory);
            await account.HandOverAsync(dataDirectory, ct);
            log($"creating a PostgreSQL cluster in {dataDirectory}");
            await control.InitAsync(options, ct);
        }

        Directory.CreateDirectory(socket);
        await account.HandOverAsync(socket, ct);
        // Also for the foreground way (the app host runs postgres itself): the port lives in the cluster, not only on a command line.
        await control.WriteConnectionSettingsAsync(port, ct);
        return new Prepared(bin, control, port, AlreadyRunningOnPort: null);
    }
}
