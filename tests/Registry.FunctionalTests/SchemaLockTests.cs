using System.Net;
using Npgsql;
using RobuustOD.EventStore;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// The services share one database under the run command, each with its own schema. Applying a schema at start takes
/// an advisory lock; with Marten's default id, the same for every store, the services queued behind each other and a
/// slow one exited at start. The lock is per schema now.
/// </summary>
public sealed class SchemaLockTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void elke_dienst_heeft_een_eigen_slot_voor_zijn_schema()
    {
        string[] schemas = ["register", "beoordeling", "monitoring", "subsidie", "notificaties"];
        var ids = schemas.Select(MartenExtensions.SchemaLockId).ToList();
        Assert.Equal(schemas.Length, ids.Distinct().Count());
        Assert.DoesNotContain(4004, ids); // Marten's default
        Assert.All(ids, id => Assert.True(id > 0));
        Assert.Equal(ids, schemas.Select(MartenExtensions.SchemaLockId)); // stable: the same in every process
    }

    [Fact]
    public async Task het_register_start_terwijl_een_andere_dienst_zijn_schema_bijwerkt()
    {
        var database = await postgres.CreateDatabaseAsync("schemaslot", Ct);
        // Another service busy applying its schema (its lock held), and Marten's shared default id held too.
        await using var other = new NpgsqlConnection(database);
        await other.OpenAsync(Ct);
        await using (var hold = new NpgsqlCommand("select pg_advisory_lock($1), pg_advisory_lock($2)", other))
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = (long)MartenExtensions.SchemaLockId("monitoring") });
            hold.Parameters.Add(new NpgsqlParameter { Value = 4004L });
            await hold.ExecuteNonQueryAsync(Ct);
        }

        await using var identity = new DevIdentityServer();
        await using var register = new ServiceFactory<RegistryService>(database, identity);
        using var client = register.CreateClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
