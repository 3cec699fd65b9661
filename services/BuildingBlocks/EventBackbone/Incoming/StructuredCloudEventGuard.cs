using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RobuustOD.EventBackbone.Incoming;

/// <summary>
/// Dapr's CloudEvents middleware throws on a body that is not a JSON object. Such a delivery can never be
/// processed, so it is answered the Dapr way — 200 with DROP — instead of a 500 that would be retried forever.
/// </summary>
internal sealed partial class StructuredCloudEventGuard(RequestDelegate next, ILogger<StructuredCloudEventGuard> logger)
{
    private const int MaxBytes = 1_048_576;

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("application/cloudevents+json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(http);
            return;
        }

        http.Request.EnableBuffering(MaxBytes);
        var isObject = false;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            isObject = document.RootElement.ValueKind == JsonValueKind.Object
                && (!document.RootElement.TryGetProperty("data_base64", out var base64)
                    || (base64.ValueKind == JsonValueKind.String && base64.TryGetBytesFromBase64(out _)));
        }
        catch (JsonException)
        {
        }

        if (!isObject)
        {
            LogDropped(logger, http.Request.Path);
            await http.Response.WriteAsJsonAsync(new TopicSubscription.TopicResponse("DROP"), http.RequestAborted);
            return;
        }

        http.Request.Body.Position = 0;
        await next(http);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a delivery to {Path}: not a structured CloudEvent (JSON object)")]
    private static partial void LogDropped(ILogger logger, string path);
}
