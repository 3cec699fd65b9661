using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace RobuustOD.HttpDefaults.Problems;

/// <summary>
/// The last writer in line: the framework's own writer declines when the client's Accept excludes JSON
/// (text/csv, text/html), which left errors without a body or, in the exception handler, turned a 404 into
/// a 500. An error is always answered as application/problem+json, whatever was asked for.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        // What the framework's writer would have filled in, then our own customisation.
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions,
            "application/problem+json", context.HttpContext.RequestAborted));
    }
}
