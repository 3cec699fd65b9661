using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RobuustOD.EventStore;

/// <summary>
/// A write that lost a race (a stale stream version at save time, a stream or key created concurrently) is a normal
/// outcome, not a fault: 409 problem. Runs after the HTTP defaults' handler, which maps the client's own mistakes.
/// </summary>
internal sealed partial class EventStoreExceptionToProblem(IProblemDetailsService problems, ILogger<EventStoreExceptionToProblem> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsConflict(exception))
        {
            return false;
        }

        LogConflict(logger, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Gelijktijdige wijziging",
                Detail = "De resource is tegelijk door een ander verzoek gewijzigd; haal de actuele versie op en probeer opnieuw.",
            },
            Exception = exception,
        });
    }

    private static bool IsConflict(Exception exception) => exception switch
    {
        ConcurrencyException or StreamLockedException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ when exception.InnerException is { } inner && inner != exception => IsConflict(inner),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Write refused with 409: concurrent change ({Exception})")]
    private static partial void LogConflict(ILogger logger, string exception);
}
