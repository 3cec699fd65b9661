using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.HttpDefaults.Problems;

public static class ProblemExtensions
{
    /// <summary>
    /// Every error, including the framework's own 404/405/415 and exceptions, leaves as
    /// application/problem+json with status, title and detail (RFC 9457, NL GOV ADR).
    /// </summary>
    public static IServiceCollection AddRfc9457Problems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Status ??= context.HttpContext.Response.StatusCode;
            problem.Detail ??= DefaultDetail(problem.Status.Value);
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        // After AddProblemDetails, so the framework's writer (content negotiation) goes first and this one catches the rest.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddExceptionHandler<ExceptionToProblem>();
        return services;
    }

    public static IApplicationBuilder UseRfc9457Problems(this IApplicationBuilder app)
    {
        // A client's mistake that our handler turned into a 4xx is not an unhandled error: do not log it as one.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == Microsoft.AspNetCore.Diagnostics.ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Het verzoek is ongeldig.",
        StatusCodes.Status401Unauthorized => "Een geldig toegangstoken (Bearer) is vereist.",
        StatusCodes.Status403Forbidden => "Het toegangstoken geeft geen recht op deze handeling.",
        StatusCodes.Status404NotFound => "De gevraagde resource bestaat niet.",
        StatusCodes.Status405MethodNotAllowed => "Deze methode is niet toegestaan op deze resource.",
        StatusCodes.Status409Conflict => "Het verzoek botst met de huidige toestand van de resource.",
        StatusCodes.Status412PreconditionFailed => "De resource is gewijzigd sinds de opgegeven versie (If-Match).",
        StatusCodes.Status413PayloadTooLarge => "Het verzoek is te groot.",
        StatusCodes.Status415UnsupportedMediaType => "Het mediatype van het verzoek wordt niet ondersteund; gebruik application/json.",
        StatusCodes.Status428PreconditionRequired => "Deze handeling vereist een If-Match header.",
        StatusCodes.Status429TooManyRequests => "Te veel schrijfverzoeken; probeer het na de Retry-After-tijd opnieuw.",
        _ => "Er is een fout opgetreden.",
    };
}
