using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RobuustOD.HttpDefaults.Http;

/// <summary>
/// Transport rules of the NL GOV API Design Rules that apply to every response:
/// the API-Version header, the security headers, and 404 for a trailing slash
/// (ASP.NET Core routing would otherwise match it silently).
/// </summary>
public static class AdrHeaders
{
    public static IApplicationBuilder UseAdrConventions(this IApplicationBuilder app, ApiDescriptor api) =>
        app.Use(async (context, next) =>
        {
            // OnStarting: the exception handler clears headers, and an error needs them as much as a success.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["API-Version"] = api.Version;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // An endpoint that serves a page (e.g. a printable letter) may set a stricter policy of its own.
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                }
                headers.CacheControl = "no-store";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                return Task.CompletedTask;
            });

            var path = context.Request.Path.Value;
            // The docs page (Scalar) is a browser page that addresses its assets relative to "docs/".
            if (path is { Length: > 1 } && path.EndsWith('/') && !context.Request.Path.StartsWithSegments(api.DocsPath))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
}
