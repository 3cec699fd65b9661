using System.Text.Json;
using System.Text.Json.Nodes;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// The CloudEvent a subscriber receives, in structured mode (<c>application/cloudevents+json</c>): the attributes as
/// received (NL GOV profile: id, source, type, subject, time, datacontenttype, sequence ...), the W3C <c>traceparent</c>
/// (distributed tracing extension) and the data; informatiearm without data but with a <c>dataref</c> to the resource.
/// </summary>
public static class Bericht
{
    public const string ContentType = "application/cloudevents+json";

    public const string TestType = "nl.robuustod.notificaties.test.v1";

    private static readonly string[] Vast = ["specversion", "id", "source", "type", "subject", "data", "data_base64"];

    public static byte[] Structured(Gebeurtenis g, bool informatiearm, string? dataref)
    {
        var ce = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = g.CloudEventId,
            ["source"] = g.Source,
            ["type"] = g.Type,
        };
        if (g.Subject is not null)
        {
            ce["subject"] = g.Subject;
        }

        foreach (var (naam, waarde) in g.Attributen.Where(a => !Vast.Contains(a.Key, StringComparer.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            ce[naam] = waarde;
        }

        if (g.Traceparent is not null && !ce.ContainsKey("traceparent"))
        {
            ce["traceparent"] = g.Traceparent;
        }

        if (informatiearm)
        {
            ce.Remove("datacontenttype");
            if (dataref is not null)
            {
                ce["dataref"] = dataref;
            }
        }
        else
        {
            ce["data"] = JsonNode.Parse(g.Data);
        }

        return JsonSerializer.SerializeToUtf8Bytes(ce);
    }

    /// <summary>
    /// The link for an informatiearm delivery: the resource the event is about in the publishing API
    /// (<c>Notificaties:Bronnen:&lt;topic&gt;</c>): the OD for register, beoordeling and monitoring, the request for subsidie.
    /// </summary>
    public static string? Dataref(Gebeurtenis g, IReadOnlyDictionary<string, string> bronnen)
    {
        if (!bronnen.TryGetValue(g.Topic, out var basis) || g.Subject is not { Length: > 0 } subject)
        {
            return null;
        }

        var pad = subject.StartsWith("aanvraag-", StringComparison.Ordinal) ? $"aanvragen/{Uri.EscapeDataString(subject["aanvraag-".Length..])}"
            : g.Omgevingsdiensten.Contains(subject, StringComparer.Ordinal) ? $"omgevingsdiensten/{Uri.EscapeDataString(subject)}"
            : null;
        return pad is null ? null : $"{basis.TrimEnd('/')}/{pad}";
    }

    /// <summary>A test event (the handshake's, or one on demand): its own id, our source, the given type, marked as a test.</summary>
    public static Gebeurtenis Test(string type, string source, string? subject, DateTimeOffset nu) => new()
    {
        CloudEventId = Guid.NewGuid().ToString(),
        Source = source,
        Type = type,
        Topic = "",
        Subject = subject,
        Attributen = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["time"] = nu.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["datacontenttype"] = "application/json",
            ["testgebeurtenis"] = "true",
        },
        Data = """{"test":true,"bericht":"Testgebeurtenis van RobuustOD Notificaties: geen echte wijziging."}""",
        OntvangenOp = nu,
    };
}
