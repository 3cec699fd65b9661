using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using RobuustOD.LocalPostgres;

namespace RobuustOD.Deploy.Tests;

/// <summary>The run command's persistent cluster, as a person would handle it by hand.</summary>
public sealed class LocalClusterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robuustod-deploy-test-").FullName;

    // A temporary folder is private to its creator; the cluster's account (postgres, when running as root) must enter it.
    public LocalClusterTests()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Regression: the port and socket folder lived only on the command line, so a plain <c>pg_ctl start -D</c>
    /// brought the cluster up on 5432 and every service stayed unready.
    /// </summary>
    [Fact]
    public async Task A_cluster_started_by_hand_with_pg_ctl_listens_on_the_port_it_was_created_with()
    {
        var port = FreeTcpPort();
        var data = Path.Combine(_folder, "postgres");
        var options = new PostgresClusterOptions { Port = port, Database = "robuustod" };
        await using (var cluster = await PostgresCluster.StartPersistentAsync(data, options, Ct))
        {
            await cluster.StopAsync(Ct);
        }

        await PgCtlAsync("start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(data, "manual.log"));
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = "postgres", Database = "robuustod", Timeout = 5,
            }.ConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("show port", connection);
            Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), await command.ExecuteScalarAsync(Ct));
        }
        finally
        {
            await PgCtlAsync("stop", "-w", "-m", "fast", "-D", data);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A folder left in the temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Idem.
        }
    }

    /// <summary>pg_ctl as a person runs it: as the postgres user when the machine runs the tests as root.</summary>
    private static async Task PgCtlAsync(params string[] args)
    {
        var pgCtl = Path.Combine(PostgresBinaries.Find(), "pg_ctl");
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in asRoot ? ["-u", "postgres", "--", pgCtl, .. args] : args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', args)} failed: {output}");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
