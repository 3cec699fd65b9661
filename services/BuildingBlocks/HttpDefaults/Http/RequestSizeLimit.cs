using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RobuustOD.HttpDefaults.Http;

/// <summary>
/// One request-size rule for every service, applied before routing and binding: a body over
/// <c>Limits:MaxRequestBodyBytes</c> is 413, whether it announces its length or arrives chunked. Kestrel enforces the
/// same limit, but for a chunked body it trips while the JSON binder is reading, which reported the overflow as
/// invalid JSON (400). A chunked body is therefore read here first, into a buffer of at most the limit (kept in memory
/// up to 64 KiB, in a temporary file beyond), and the endpoint reads the buffered copy.
/// </summary>
public static class RequestSizeLimit
{
    public const long DefaultLimit = 1_048_576;

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
            if (chunked && !await BufferAsync(request, limit, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // The rest of the body is not read: do not keep the connection for another request.
                context.Response.Headers.Connection = "close";
                return;
            }

            await next(context);
        });

    /// <summary>Reads the whole body into a rewindable buffer; false when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<bool> BufferAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
        try
        {
            await request.Body.CopyToAsync(Stream.Null, ct);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false; // Kestrel's own limit
        }
        catch (BadHttpRequestException)
        {
            throw; // a malformed body (e.g. broken chunking): the client's mistake, answered as such
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return false; // the buffer's limit (FileBufferingReadStream: "Request content size exceeded limit")
        }

        request.Body.Position = 0;
        return true;
    }
}
