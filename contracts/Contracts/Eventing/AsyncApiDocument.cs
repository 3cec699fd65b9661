using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace RobuustOD.Contracts.Eventing;

/// <summary>
/// Generates the AsyncAPI 3.0 description of the integration events (<c>contracts/asyncapi.json</c>) from
/// <see cref="IntegrationEventCatalogue.All"/>: a channel per topic, a message per CloudEvent type, and the payload
/// schema of each record as <see cref="ContractJson"/> writes it. The messages are structured CloudEvents
/// (<c>application/cloudevents+json</c>) of the NL GOV profile, the record being their <c>data</c>.
/// </summary>
public static class AsyncApiDocument
{
    public const string Version = "1.0.0";

    public const string CloudEventSchema = "CloudEventNlGov";

    /// <summary>The CloudEvent <c>type</c> of the NL GOV profile as RobuustOD uses it: <c>nl.robuustod.&lt;domein&gt;.&lt;gebeurtenis&gt;.v&lt;major&gt;</c>.</summary>
    public const string TypePattern = @"^nl\.robuustod\.[a-z]+\.[a-z-]+\.v[0-9]+$";

    /// <summary>The CloudEvent <c>source</c>: <c>urn:nld:oin:&lt;OIN&gt;:systeem:&lt;systeem&gt;</c> (see <see cref="CloudEventSource"/>).</summary>
    public const string SourcePattern = "^urn:nld:oin:[0-9]{20}:systeem:[a-z][a-z0-9-]*$";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keep '<', '>' and non-ASCII readable in the committed file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Dictionary<string, string> TopicDescriptions = new(StringComparer.Ordinal)
    {
        [PubSub.Topics.Register] = "Gebeurtenissen van het register van omgevingsdiensten: registratie en wijziging, Seveso-aanwijzing, "
            + "fusies, opsplitsingen en zelftoetsen.",
        [PubSub.Topics.Beoordeling] = "Gebeurtenissen van de beoordeling van de plannen van aanpak: gepubliceerde beoordelingen, "
            + "herziene oordelen en gewijzigde scores per criterium.",
        [PubSub.Topics.Monitoring] = "Gebeurtenissen van de monitoring van de voortgang: ingediende, te late, verzuimde en gecorrigeerde "
            + "voortgangsrapportages, oordelen over de voortgang, escalatiestappen, gesprekken, besluiten over maatregelen, het eindresultaat "
            + "en de vastgestelde kamerrapportages.",
    };

    /// <summary>The document as indented JSON with <c>\n</c> line endings and a final newline.</summary>
    public static string Generate() => Build().ToJsonString(Output) + "\n";

    public static JsonObject Build()
    {
        var events = IntegrationEventCatalogue.All
            .Select(t => (Type: t, Contract: IntegrationEventCatalogue.Describe(t)))
            .OrderBy(e => e.Contract.Topic, StringComparer.Ordinal).ThenBy(e => e.Contract.Type, StringComparer.Ordinal)
            .ToList();

        var channels = new JsonObject();
        var operations = new JsonObject();
        foreach (var topic in events.GroupBy(e => e.Contract.Topic))
        {
            var messages = new JsonObject();
            foreach (var (_, contract) in topic)
            {
                messages[contract.Type] = Ref($"#/components/messages/{contract.Type}");
            }

            channels[topic.Key] = new JsonObject
            {
                ["address"] = topic.Key,
                ["title"] = topic.Key,
                ["description"] = (TopicDescriptions.GetValueOrDefault(topic.Key) ?? $"Topic {topic.Key}.")
                    + $" Gepubliceerd via de Dapr pub/sub-component `{PubSub.Name}`, gepartitioneerd op de code van de omgevingsdienst "
                    + $"(metadata `{PubSub.PartitionKeyMetadata}` = `subject`), zodat de gebeurtenissen van één omgevingsdienst op volgorde "
                    + $"aankomen. Wat een abonnee nooit kan verwerken, gaat naar `{PubSub.DeadLetterTopic(topic.Key)}`.",
                ["messages"] = messages,
            };
            operations["publiceer-" + topic.Key] = new JsonObject
            {
                ["action"] = "send",
                ["title"] = $"Gebeurtenissen op {topic.Key} publiceren",
                ["description"] = "Elke vastgelegde gebeurtenis wordt ten minste één keer afgeleverd, in de volgorde van de event store; "
                    + "een herbezorging heeft dezelfde `id`. Abonnees ontdubbelen op `source` + `id`.",
                ["tags"] = new JsonArray(new JsonObject { ["name"] = topic.Key }),
                ["channel"] = Ref($"#/channels/{topic.Key}"),
                ["messages"] = new JsonArray([.. topic.Select(e => (JsonNode)Ref($"#/channels/{topic.Key}/messages/{e.Contract.Type}"))]),
            };
        }

        var messageComponents = new JsonObject();
        var schemas = new JsonObject { [CloudEventSchema] = Envelope() };
        foreach (var (type, contract) in events)
        {
            schemas[type.Name] = PayloadSchema(type);
            messageComponents[contract.Type] = new JsonObject
            {
                ["name"] = contract.Type,
                ["title"] = type.Name,
                ["summary"] = $"CloudEvent `{contract.Type}` met als `data` een {type.Name}.",
                ["contentType"] = "application/cloudevents+json",
                ["payload"] = new JsonObject
                {
                    ["allOf"] = new JsonArray(
                        Ref($"#/components/schemas/{CloudEventSchema}"),
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject
                            {
                                ["type"] = new JsonObject { ["const"] = contract.Type },
                                ["data"] = Ref($"#/components/schemas/{type.Name}"),
                            },
                        }),
                },
            };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "RobuustOD integratiegebeurtenissen",
                ["version"] = Version,
                ["description"] = "De gebeurtenissen die de diensten van RobuustOD publiceren, als CloudEvents volgens het NL GOV-profiel "
                    + "(structured mode, `application/cloudevents+json`). Het `type` eindigt op de major-versie; een brekende wijziging "
                    + "krijgt een nieuw type (`.v2`) naast het oude. Binnen een versie kunnen velden worden toegevoegd: abonnees "
                    + "negeren onbekende velden. Gegenereerd uit RobuustOD.Contracts (`AsyncApiDocument.Generate`); niet met de hand wijzigen.",
                ["tags"] = new JsonArray([.. channels.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Key,
                    ["description"] = TopicDescriptions.GetValueOrDefault(c.Key) ?? $"Topic {c.Key}.",
                })]),
                ["contact"] = new JsonObject
                {
                    ["name"] = "RobuustOD, programma Robuuste omgevingsdiensten",
                    ["url"] = "https://github.com/robuustod",
                    ["email"] = "robuustod@minienw.nl",
                },
            },
            ["defaultContentType"] = "application/cloudevents+json",
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["messages"] = messageComponents,
                ["schemas"] = schemas,
            },
        };
    }

    /// <summary>The JSON Schema of a record as the contracts serialize it (<see cref="ContractJson.Options"/>).</summary>
    public static JsonNode PayloadSchema(Type type)
    {
        if (!ContractJson.Options.TryGetTypeInfo(type, out _))
        {
            throw new InvalidOperationException(
                $"{type.FullName} is not in ContractsJsonContext: add [JsonSerializable(typeof({type.Name}))] to contracts/Contracts/ContractJson.cs.");
        }

        return JsonSchemaExporter.GetJsonSchemaAsNode(ContractJson.Options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
        });
    }

    private static JsonObject Envelope() => new()
    {
        ["type"] = "object",
        ["description"] = "De envelop van elk bericht: CloudEvents 1.0 volgens het NL GOV-profiel. De gebeurtenis zelf staat in `data`.",
        ["required"] = new JsonArray("specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data"),
        ["properties"] = new JsonObject
        {
            ["specversion"] = new JsonObject { ["type"] = "string", ["const"] = "1.0" },
            ["id"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "De persistente id van de opgeslagen gebeurtenis in de event store van de bron. Een herbezorging "
                    + "houdt dezelfde id: `source` + `id` is uniek en dient om te ontdubbelen.",
            },
            ["source"] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "uri",
                ["pattern"] = SourcePattern,
                ["description"] = "Het systeem dat de gebeurtenis publiceert, als URN: `urn:nld:oin:<OIN>:systeem:<systeem>`, met het "
                    + "OIN van de organisatie die het systeem beheert (geen verwijzing naar gegevens).",
                ["examples"] = new JsonArray(CloudEventSource.For("00000000000000000000", "register")),
            },
            ["type"] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = TypePattern,
                ["description"] = "Het soort gebeurtenis, reverse-DNS: `nl.robuustod.<domein>.<gebeurtenis>.v<major>`.",
            },
            ["time"] = new JsonObject
            {
                ["type"] = "string",
                ["format"] = "date-time",
                ["description"] = "Wanneer de gebeurtenis in de event store werd vastgelegd (UTC). Niet de ingangsdatum: die staat, "
                    + "als kalenderdatum, in `data`.",
            },
            ["subject"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "De code van de omgevingsdienst waarover de gebeurtenis gaat (ook de partitiesleutel), bijv. `ODG`.",
            },
            ["datacontenttype"] = new JsonObject { ["type"] = "string", ["const"] = "application/json" },
            ["sequence"] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^[0-9]{19}$",
                ["description"] = "CloudEvents-extensie `sequence`: de positie in de event store, met voorloopnullen, zodat de "
                    + "tekstvolgorde de volgorde van vastleggen is.",
            },
            ["data"] = new JsonObject { ["type"] = "object", ["description"] = "De gebeurtenis; het schema hangt af van `type`." },
        },
    };

    private static JsonObject Ref(string pointer) => new() { ["$ref"] = pointer };
}
