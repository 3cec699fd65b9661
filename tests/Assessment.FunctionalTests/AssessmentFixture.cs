using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Assessment.Seeds;
using RobuustOD.Contracts;
using RobuustOD.Contracts.Eventing;
using RobuustOD.Contracts.Register;
using RobuustOD.TestInfrastructure;
using RobuustOD.TestInfrastructure.Services;
using ContractEvents = RobuustOD.Contracts.Eventing.IntegrationEventCatalogue;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// The assessment service on a fresh database of its own (one per test class), trusting the in-memory identity
/// provider. <see cref="InitializeAsync"/> gives it the register of <see cref="FunctionalTests.Register"/> (through the
/// register's CloudEvents, as daprd delivers them) and the criteria catalogue of <c>seeds/beoordeling/criteria.json</c>
/// (through the seed importer). Derive with <see cref="MetStandaardgegevens"/> false for a bare database.
/// </summary>
public class AssessmentFixture(PostgresServer postgres) : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = postgres;

    public DevIdentityServer Identity { get; } = new();

    public ServiceFactory<AssessmentService> App { get; private set; } = null!;

    /// <summary>The importer of <c>seeds/beoordeling</c>, as registered in the service.</summary>
    public BeoordelingSeedImporter Importer => App.Services.GetRequiredService<BeoordelingSeedImporter>();

    /// <summary>The repository's <c>seeds</c> folder (found by walking up to RobuustOD.sln).</summary>
    public static string SeedsFolder { get; } = FindSeedsFolder();

    /// <summary>True: load the standard <see cref="FunctionalTests.Register"/> and the catalogue on start. False: an empty database.</summary>
    protected virtual bool MetStandaardgegevens => true;

    public virtual async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        App = new ServiceFactory<AssessmentService>(await Postgres.CreateDatabaseAsync("beoordeling", ct), Identity);
        _ = App.Server;
        if (MetStandaardgegevens)
        {
            await Register.AlleAsync(RegisterFeed, ct);
            await Importer.ImportCatalogusAsync(BeoordelingSeed.LeesCatalogus(SeedsFolder).Criteria, ct);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Identity.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Delivers the register's events to this fixture's service (see <see cref="RegisterFeed"/>).</summary>
    public RegisterFeed RegisterFeed => new(App);

    /// <summary>Delivers one register event to the service as daprd does; asserts SUCCESS and returns the CloudEvent's id.</summary>
    public Task<string> StuurRegisterGebeurtenisAsync<TEvent>(TEvent data, CancellationToken ct)
        where TEvent : class => RegisterFeed.StuurAsync(data, ct);

    private static string FindSeedsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("RobuustOD.sln not found above the test binaries"), "seeds");
    }
}

/// <summary>The assessment service on an empty database: no register, no catalogue.</summary>
public sealed class LegeAssessmentFixture(PostgresServer postgres) : AssessmentFixture(postgres)
{
    protected override bool MetStandaardgegevens => false;
}

/// <summary>
/// The register every <see cref="AssessmentFixture"/> starts with, each case the plan-of-approach rules know:
/// an ordinary OD, a Seveso-OD, two ODs about to merge, one robust on its zelftoets and one already dissolved.
/// </summary>
public static class Register
{
    /// <summary>Omgevingsdienst Groningen, Seveso-OD for Groningen, Drenthe and Fryslân.</summary>
    public const string Odg = "ODG";

    /// <summary>Fryske Utfieringstsjinst Miljeu en Omjouwing: an ordinary OD.</summary>
    public const string Fumo = "FUMO";

    /// <summary>ODRU and RUDU merge into ODU on 2026-01-01 (announced, not completed): they may hand in one joint plan.</summary>
    public const string Odru = "ODRU";

    public const string Rudu = "RUDU";

    /// <summary>Omgevingsdienst Brabant Noord: robust on its zelftoets, hands in no plan.</summary>
    public const string Odbn = "ODBN";

    /// <summary>Omgevingsdienst Noord-Veluwe: dissolved on 2024-01-01 (merged into ODVeluwe).</summary>
    public const string Odnv = "ODNV";

    /// <summary>An OD code the register never announced.</summary>
    public const string Onbekend = "ODX";

    public static async Task AlleAsync(RegisterFeed app, CancellationToken ct)
    {
        await app.StuurAsync(new OmgevingsdienstGeregistreerdV1(Odg, "Omgevingsdienst Groningen", ["Groningen"], 12, null, []), ct);
        await app.StuurAsync(new SevesoAangewezenV1(Odg, ["Groningen", "Drenthe", "Fryslân"], null), ct);
        await app.StuurAsync(new OmgevingsdienstGeregistreerdV1(Fumo, "Fryske Utfieringstsjinst Miljeu en Omjouwing", ["Fryslân"], 18, null, []), ct);
        foreach (var code in new[] { Odru, Rudu })
        {
            await app.StuurAsync(new OmgevingsdienstGeregistreerdV1(code, $"Omgevingsdienst {code}", ["Utrecht"], 13, null, []), ct);
            await app.StuurAsync(new FusieAangekondigdV1(code, "ODU", "Omgevingsdienst Utrecht", [Odru, Rudu],
                new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)), ct);
        }

        await app.StuurAsync(new OmgevingsdienstGeregistreerdV1(Odbn, "Omgevingsdienst Brabant Noord", ["Noord-Brabant"], 11, null, []), ct);
        await app.StuurAsync(new ZelftoetsVastgelegdV1(Odbn, true, new DateOnly(2024, 6, 25)), ct);
        await app.StuurAsync(new OmgevingsdienstGeregistreerdV1(Odnv, "Omgevingsdienst Noord-Veluwe", ["Gelderland"], 6, null, []), ct);
        await app.StuurAsync(new FusieVoltooidV1(Odnv, "ODVeluwe", new DateOnly(2024, 1, 1)), ct);
    }
}

/// <summary>
/// Feeds a service's copy of the register the way the app host does: the registry's integration events, delivered to
/// <c>/events/register</c> exactly as daprd delivers them (structured CloudEvents, <c>application/cloudevents+json</c>,
/// with the service's app API token as <c>dapr-api-token</c>).
/// </summary>
public sealed class RegisterFeed(ServiceFactory<AssessmentService> app)
{
    public const string RegisterSource = "urn:nld:oin:00000000000000000000:systeem:robuustod-register";

    private static long _sequence;

    /// <summary>
    /// Delivers one register event with a new id, the register's source and type, the OD code as subject and
    /// <paramref name="data"/> as the contracts serialize it. Asserts that the service answers SUCCESS.
    /// </summary>
    /// <returns>The CloudEvent's id.</returns>
    public async Task<string> StuurAsync<TEvent>(TEvent data, CancellationToken ct)
        where TEvent : class
    {
        var id = Guid.NewGuid().ToString();
        var subject = JsonSerializer.SerializeToNode(data, ContractJson.Options)!["code"]!.GetValue<string>();
        var status = await StuurCloudEventAsync(CloudEvent(data, id, subject), ct);
        Assert.True(status == "SUCCESS", $"the service answered {status} to {typeof(TEvent).Name} for {subject}");
        return id;
    }

    /// <summary>Posts a (possibly hand-made) structured CloudEvent to <c>/events/register</c>; returns Dapr's status (SUCCESS, RETRY, DROP).</summary>
    public async Task<string> StuurCloudEventAsync(JsonObject cloudEvent, CancellationToken ct)
    {
        using var http = app.SidecarClient();
        using var content = new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await http.PostAsync(new Uri("/events/register", UriKind.Relative), content, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString()!;
    }

    /// <summary>A structured CloudEvent of the register as daprd delivers it (the publisher's attributes plus daprd's own).</summary>
    public static JsonObject CloudEvent<TEvent>(TEvent data, string id, string subject)
        where TEvent : class => new()
    {
        ["specversion"] = "1.0",
        ["id"] = id,
        ["source"] = RegisterSource,
        ["type"] = ContractEvents.Describe(typeof(TEvent)).Type,
        ["subject"] = subject,
        ["time"] = DateTimeOffset.UtcNow.ToString("O"),
        ["sequence"] = Interlocked.Increment(ref _sequence).ToString("D19", System.Globalization.CultureInfo.InvariantCulture),
        ["datacontenttype"] = "application/json",
        ["data"] = JsonSerializer.SerializeToNode(data, ContractJson.Options),
        ["pubsubname"] = PubSub.Name,
        ["topic"] = PubSub.Topics.Register,
        ["traceid"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ["tracestate"] = "",
    };

    /// <summary>Registers an OD (no other events).</summary>
    public Task<string> RegistreerOmgevingsdienstAsync(string code, string provincie, CancellationToken ct) =>
        StuurAsync(new OmgevingsdienstGeregistreerdV1(code, $"Omgevingsdienst {code}", [provincie], 10, null, []), ct);
}
