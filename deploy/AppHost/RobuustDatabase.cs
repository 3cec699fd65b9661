using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RobuustOD.LocalPostgres;

namespace RobuustOD.AppHost;

/// <summary>
/// The services' database <c>robuustod</c>, from (in order) <c>ConnectionStrings:robuustod</c>, a PostgreSQL container
/// when a Docker daemon answers, or a persistent local cluster under <c>.data/postgres</c> on <c>Postgres:Port</c> (5433).
/// </summary>
internal sealed class RobuustDatabase
{
    public const string Name = "robuustod";
    private const int DefaultPort = 5433;

    private readonly Action<IResourceBuilder<ProjectResource>> _attach;

    private RobuustDatabase(Action<IResourceBuilder<ProjectResource>> attach) => _attach = attach;

    /// <summary>Gives the service <c>ConnectionStrings__robuustod</c> and makes it wait for a server started here.</summary>
    public void AttachTo(IResourceBuilder<ProjectResource> service) => _attach(service);

    public static async Task<RobuustDatabase> AddAsync(IDistributedApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(Name)))
        {
            Say($"using ConnectionStrings:{Name} from configuration; starting no PostgreSQL");
            var external = builder.AddConnectionString(Name);
            return new RobuustDatabase(service => service.WithReference(external));
        }

        var port = builder.Configuration.GetValue("Postgres:Port", DefaultPort);
        if (await DockerProbe.AnswersAsync(TimeSpan.FromSeconds(2)))
        {
            Say($"a Docker daemon answers: PostgreSQL runs as a container on 127.0.0.1:{port}");
            var database = builder.AddPostgres("postgres", port: port)
                .WithDataVolume("robuustod-postgres")
                .AddDatabase(Name);
            return new RobuustDatabase(service => service.WithReference(database).WaitFor(database));
        }

        return await AddLocalClusterAsync(builder, port);
    }

    private static async Task<RobuustDatabase> AddLocalClusterAsync(IDistributedApplicationBuilder builder, int port)
    {
        var server = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            // A pooled idle connection from the app host would hold up the server's (smart) shutdown on Ctrl-C.
            Pooling = false,
            Timeout = 3,
        }.ConnectionString;
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database={Name}";

        if (await ServerAnswersAsync(port))
        {
            Say($"a server already answers on 127.0.0.1:{port}: using it (it is left running on exit)");
            await PostgresDatabases.CreateIfMissingAsync(server, Name, CancellationToken.None);
            return new RobuustDatabase(service => service.WithEnvironment("ConnectionStrings__" + Name, connectionString));
        }

        var dataDirectory = DataDirectory(builder);
        var command = await PostgresServerCommand.PrepareAsync(
            dataDirectory, new PostgresClusterOptions { Port = port, Log = Say }, CancellationToken.None);
        Say($"no Docker daemon: running `{command.FileName} {string.Join(' ', command.Arguments)}`");

        // Ready means: accepting connections and the database exists (created on first use of a new cluster).
        builder.Services.AddHealthChecks().AddAsyncCheck("postgres-ready", async ct =>
        {
            try
            {
                await PostgresDatabases.CreateIfMissingAsync(server, Name, ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });

        builder.Services.AddSingleton(command);
        builder.Services.AddHostedService<LocalPostgresShutdown>();

        // Run by DCP rather than pg_ctl: DCP owns the process (stopped with everything else, even if the app host
        // dies) and its log shows in the dashboard.
        var postgres = builder.AddExecutable("postgres", command.FileName, dataDirectory, [.. command.Arguments])
            .WithHealthCheck("postgres-ready");
        return new RobuustDatabase(service => service
            .WithEnvironment("ConnectionStrings__" + Name, connectionString)
            .WaitFor(postgres));
    }

    /// <summary>
    /// <c>Postgres:DataDirectory</c>, else <c>.data/postgres</c> in the repository. Running as root, the server runs as
    /// the <c>postgres</c> user, who cannot enter a repository below a private folder (a clone in <c>/root</c> or in
    /// a <c>mktemp -d</c> folder): the data then goes to <c>/var/tmp/robuustod-&lt;hash of the path&gt;/postgres</c>.
    /// </summary>
    private static string DataDirectory(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration["Postgres:DataDirectory"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var inRepository = Path.Combine(repository, ".data", "postgres");
        if (OperatingSystem.IsWindows() || Environment.UserName != "root" || OthersCanEnter(repository))
        {
            return inRepository;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(repository)))[..12];
        var elsewhere = Path.Combine("/var/tmp", $"robuustod-{hash.ToLowerInvariant()}", "postgres");
        Say($"{repository} is inside a private folder the postgres user cannot enter: keeping the data in {elsewhere}");
        return elsewhere;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool OthersCanEnter(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (!File.GetUnixFileMode(dir.FullName).HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> ServerAnswersAsync(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    // Runs before the app host's logging exists.
    private static void Say(string message) => Console.WriteLine($"postgres: {message}");
}
