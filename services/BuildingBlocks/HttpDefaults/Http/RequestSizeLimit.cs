using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RobuustOD.HttpDefaults.Http;

/// <summary>
/// One request-size rule for every service, applied before routing and binding: a body over
/// <c>Limits:MaxRequestBodyBytes</c> is 413, whether it announces its length or arrives chunked. Before this rule a
/// chunked body tripped Kestrel's limit while the JSON binder was reading it, and came back as invalid JSON (400).
/// A chunked body is read here first, into a buffer of at most the limit (in memory up to 64 KiB, in a temporary file
/// beyond), and the endpoint reads the buffered copy. When it is too large, the rest is read and discarded up to
/// <see cref="DrainLimit"/>, so that a client still sending can finish and read the 413 (closing mid-upload resets
/// the connection, and most clients then report a network error instead of the answer).
/// </summary>
public static class RequestSizeLimit
{
    public const long DefaultLimit = 1_048_576;

    /// <summary>How much of an over-size chunked body is discarded before the connection is closed instead; also Kestrel's own limit.</summary>
    public const long DrainLimit = 64L * 1024 * 1024;

    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long limit) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            var chunked = request.ContentLength is null
                && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
            if (chunked && !await BufferAsync(context, limit))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next(context);
        });

    /// <summary>Reads the whole body into a rewindable buffer; false when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<bool> BufferAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        var original = request.Body;
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
        try
        {
            await request.Body.CopyToAsync(Stream.Null, ct);
        }
        catch (BadHttpRequestException)
        {
            throw; // a malformed body (e.g. broken chunking) or Kestrel's backstop: answered as the client's mistake
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            // The buffer's limit (FileBufferingReadStream: "Request content size exceeded limit").
            await DiscardRestAsync(context, original);
            return false;
        }

        request.Body.Position = 0;
        return true;
    }

    private static async Task DiscardRestAsync(HttpContext context, Stream body)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            long read = 0;
            int n;
            while (read < DrainLimit && (n = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                read += n;
            }
        }
        catch (BadHttpRequestException)
        {
            // Over Kestrel's limit too: give up on the body and close the connection after the 413.
            context.Response.Headers.Connection = "close";
        }
    }
}
