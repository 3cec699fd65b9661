using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Tests;

/// <summary>The committed AsyncAPI document is the one the contract types generate, and the event types follow the profile.</summary>
public sealed partial class AsyncApiTests
{
    private const string UpdateVariable = "ROBUUSTOD_UPDATE_CONTRACTS";

    [Fact]
    public async Task het_vastgelegde_asyncapi_document_is_gelijk_aan_het_gegenereerde()
    {
        var bestand = Path.Combine(RepoRoot(), "contracts", "asyncapi.json");
        var gegenereerd = AsyncApiDocument.Generate();
        var ct = TestContext.Current.CancellationToken;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(bestand, gegenereerd, ct);
            return;
        }

        var vastgelegd = File.Exists(bestand) ? (await File.ReadAllTextAsync(bestand, ct)).ReplaceLineEndings("\n") : null;
        Assert.True(vastgelegd == gegenereerd,
            $"{bestand} {(vastgelegd is null ? "is missing" : "differs from the document the contract types generate")}. "
            + $"Regenerate it and commit the result:\n  {UpdateVariable}=1 dotnet test --project tests/Contracts.Tests\n"
            + (vastgelegd is null ? "" : FirstDifference(vastgelegd, gegenereerd)));
    }

    [Fact]
    public void elk_integratie_event_heeft_een_geldig_en_uniek_type()
    {
        Assert.NotEmpty(IntegrationEventCatalogue.All);
        var types = IntegrationEventCatalogue.All.Select(t => (t.Name, IntegrationEventCatalogue.Describe(t).Type)).ToList();

        var ongeldig = types.Where(t => !TypePattern().IsMatch(t.Type)).Select(t => $"{t.Name}: {t.Type}").ToList();
        Assert.True(ongeldig.Count == 0, $"Types not matching {AsyncApiDocument.TypePattern}:\n" + string.Join('\n', ongeldig));

        var dubbel = types.GroupBy(t => t.Type).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Name))}").ToList();
        Assert.True(dubbel.Count == 0, "CloudEvent types used by more than one record:\n" + string.Join('\n', dubbel));
    }

    [Fact]
    public void het_versienummer_van_het_type_staat_ook_in_de_naam_van_het_record()
    {
        // OmgevingsdienstGeregistreerdV1 is nl.robuustod.register.omgevingsdienst-geregistreerd.v1: a v2 is a new record.
        var afwijkend = IntegrationEventCatalogue.All
            .Where(t => !t.Name.EndsWith("V" + IntegrationEventCatalogue.Describe(t).Type.Split(".v")[^1], StringComparison.Ordinal))
            .Select(t => $"{t.Name}: {IntegrationEventCatalogue.Describe(t).Type}").ToList();
        Assert.True(afwijkend.Count == 0, "Record name and type version disagree:\n" + string.Join('\n', afwijkend));
    }

    [Fact]
    public void elk_integratie_event_gaat_over_een_bekend_topic()
    {
        var topics = typeof(PubSub.Topics).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        var onbekend = IntegrationEventCatalogue.All.Where(t => !topics.Contains(IntegrationEventCatalogue.Describe(t).Topic))
            .Select(t => $"{t.Name}: {IntegrationEventCatalogue.Describe(t).Topic}").ToList();
        Assert.True(onbekend.Count == 0, "Topics not declared in PubSub.Topics:\n" + string.Join('\n', onbekend));
    }

    [Fact]
    public void het_document_beschrijft_elk_event_met_envelop_en_payload()
    {
        var document = AsyncApiDocument.Build();
        Assert.Equal("3.0.0", (string?)document["asyncapi"]);
        var messages = document["components"]!["messages"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();

        foreach (var type in IntegrationEventCatalogue.All)
        {
            var contract = IntegrationEventCatalogue.Describe(type);
            var channel = document["channels"]![contract.Topic];
            Assert.True(channel is not null, $"no channel {contract.Topic}");
            Assert.Equal($"#/components/messages/{contract.Type}", (string?)channel["messages"]![contract.Type]?["$ref"]);
            var message = messages[contract.Type]!;
            Assert.Equal("application/cloudevents+json", (string?)message["contentType"]);
            var allOf = message["payload"]!["allOf"]!.AsArray();
            Assert.Equal($"#/components/schemas/{AsyncApiDocument.CloudEventSchema}", (string?)allOf[0]!["$ref"]);
            Assert.Equal(contract.Type, (string?)allOf[1]!["properties"]!["type"]!["const"]);
            Assert.Equal($"#/components/schemas/{type.Name}", (string?)allOf[1]!["properties"]!["data"]!["$ref"]);

            // Every property of the record is in its schema, camelCase.
            var properties = schemas[type.Name]!["properties"]!.AsObject();
            foreach (var property in type.GetProperties())
            {
                Assert.True(properties.ContainsKey(JsonNamingPolicy.CamelCase.ConvertName(property.Name)), $"{type.Name}.{property.Name}");
            }
        }

        var envelope = schemas[AsyncApiDocument.CloudEventSchema]!;
        Assert.Equal(["specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data"],
            envelope["required"]!.AsArray().Select(n => (string)n!));
        Assert.Matches(AsyncApiDocument.SourcePattern, CloudEventSource.For("00000000000000000000", "register"));
    }

    [Fact]
    public void payloadschemas_volgen_de_json_van_de_diensten()
    {
        var schema = AsyncApiDocument.PayloadSchema(typeof(Register.FusieAangekondigdV1));
        var properties = schema["properties"]!;

        Assert.Equal("date", (string?)properties["ingangsdatum"]!["format"]);
        Assert.Equal("string", (string?)properties["code"]!["type"]);
        Assert.Contains("ingangsdatum", schema["required"]!.AsArray().Select(n => (string?)n));
        // Nullable members say so; the others do not.
        var reden = AsyncApiDocument.PayloadSchema(typeof(Register.FusieGeannuleerdV1))["properties"]!["reden"]!["type"]!;
        Assert.Equal(["string", "null"], reden.AsArray().Select(n => (string?)n));
    }

    [GeneratedRegex(AsyncApiDocument.TypePattern)]
    private static partial Regex TypePattern();

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end of file>";
            var y = i < b.Length ? b[i] : "<end of file>";
            if (x != y)
            {
                return $"First difference at line {i + 1}:\n  committed: {x.Trim()}\n  generated: {y.Trim()}";
            }
        }

        return "";
    }

    internal static string RepoRoot()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "RobuustOD.sln")))
            {
                return map.FullName;
            }
        }

        throw new InvalidOperationException($"No RobuustOD.sln above {AppContext.BaseDirectory}.");
    }
}
