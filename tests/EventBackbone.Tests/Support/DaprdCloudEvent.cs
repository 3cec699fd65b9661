using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RobuustOD.Contracts.Eventing;

namespace RobuustOD.EventBackbone.Tests.Support;

/// <summary>
/// A structured CloudEvent as daprd delivers it to an app: the publisher's attributes, the data, and the
/// attributes daprd adds itself (pubsubname, topic, trace context).
/// </summary>
public static class DaprdCloudEvent
{
    public const string RegisterSource = "urn:nld:oin:00000000000000000000:systeem:robuustod-register";

    public static JsonObject Voor<TEvent>(TEvent data, string? id = null, string? subject = null)
        where TEvent : class =>
        Maak(IntegrationEventCatalogue.Describe(typeof(TEvent)).Type, JsonSerializer.SerializeToNode(data, RobuustOD.Contracts.ContractJson.Options)!,
            id ?? Guid.NewGuid().ToString(), subject);

    public static JsonObject Maak(string type, JsonNode data, string? id, string? subject)
    {
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["source"] = RegisterSource,
            ["type"] = type,
            // RFC 3339 in UTC, as daprd and the CloudEvents SDK write it.
            ["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["datacontenttype"] = "application/json",
            ["data"] = data,
            ["pubsubname"] = PubSub.Name,
            ["topic"] = PubSub.Topics.Register,
            ["traceid"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ["tracestate"] = "",
        };
        if (id is not null)
        {
            cloudEvent["id"] = id;
        }

        if (subject is not null)
        {
            cloudEvent["subject"] = subject;
        }

        return cloudEvent;
    }

    public static HttpContent Content(JsonObject cloudEvent)
    {
        var content = new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        return content;
    }
}
