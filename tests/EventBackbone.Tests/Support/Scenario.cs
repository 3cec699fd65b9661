using System.Net;
using System.Net.Http.Json;
using JasperFx.Events;
using Marten;
using RobuustOD.Registry;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.EventBackbone.Tests.Support;

/// <summary>Register scenarios and a registry in Dapr mode, shared by the test classes.</summary>
public static class Scenario
{
    public const string Oin = "00000001003214345000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ServiceFactory<RegistryService>> DaprRegistryAsync(PostgresServer postgres, DevIdentityServer identity,
        FakeDaprSidecar sidecar, string database)
    {
        var registry = new ServiceFactory<RegistryService>(await postgres.CreateDatabaseAsync(database, TestContext.Current.CancellationToken), identity,
            new Dictionary<string, string?>
            {
                ["Eventing:Mode"] = "Dapr",
                ["Eventing:DaemonMode"] = "Solo",
                ["Eventing:Oin"] = Oin,
                ["Eventing:MaxRetryDelay"] = "00:00:00.200",
                ["Logging:LogLevel:RobuustOD.EventBackbone.Outgoing.IntegrationEventForwarder"] = "Error",
                ["DAPR_GRPC_ENDPOINT"] = sidecar.GrpcEndpoint.ToString().TrimEnd('/'),
                // Nothing listens there; the registry must not need the HTTP endpoint to publish.
                ["DAPR_HTTP_ENDPOINT"] = "http://127.0.0.1:9",
            });
        _ = registry.Server;
        return registry;
    }

    /// <summary>Two ODs, a Seveso designation, a merger announced and completed.</summary>
    public static async Task FusieAsync(HttpClient ienw)
    {
        await RegistreerAsync(ienw, "ODRA");
        await RegistreerAsync(ienw, "ODRN");
        using (var seveso = await ienw.PutAsJsonAsync("/register/v1/omgevingsdiensten/ODRN/seveso-aanwijzing",
                   new { provincies = new[] { "Gelderland", "Overijssel" }, ingangsdatum = "2013-01-01" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, seveso.StatusCode);
        }

        using (var announced = await ienw.PostAsJsonAsync("/register/v1/fusies", new
               {
                   deelnemers = new[] { "ODRA", "ODRN" },
                   opvolger = new { code = "ODGM", naam = "Omgevingsdienst Groene Metropool", provincies = new[] { "Gelderland" } },
                   aangekondigdOp = "2025-01-01",
                   ingangsdatum = "2026-01-01",
               }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, announced.StatusCode);
        }

        using var completed = await ienw.PostAsync("/register/v1/fusies/ODGM/voltooiing", JsonContent.Create(new { }), Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    public static async Task RegistreerAsync(HttpClient ienw, string code)
    {
        using var registered = await ienw.PostAsJsonAsync("/register/v1/omgevingsdiensten",
            new { code, naam = $"Omgevingsdienst {code}", provincies = new[] { "Gelderland" }, opgerichtOp = "2012-11-07" }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    /// <summary>The registry's stored events that it publishes, in store order, with their contract payloads.</summary>
    public static async Task<List<(IEvent Stored, object Payload)>> GepubliceerdeEventsAsync(ServiceFactory<RegistryService> registry)
    {
        await using var session = registry.Store.QuerySession();
        var stored = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(Ct);
        var mapper = new RobuustOD.Registry.RegisterEventMapper();
        return [.. stored.Select(e => (Stored: e, Payload: mapper.Map(e))).Where(e => e.Payload is not null).Select(e => (e.Stored, e.Payload!))];
    }
}
