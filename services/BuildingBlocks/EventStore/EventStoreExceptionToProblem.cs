using System.Net.Sockets;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RobuustOD.EventStore;

/// <summary>
/// The event store's outcomes that are not faults of ours. A write that lost a race (a stale stream version at save
/// time, a stream or key created concurrently) is a normal outcome: 409, one information line. A database that is
/// restarting or away is a dependency that is down: 503 with <c>Retry-After</c>, one warning line — never a 500, and
/// never an "unhandled exception" with the SQL in the log. Runs after the HTTP defaults' handler, which maps the
/// client's own mistakes.
/// </summary>
internal sealed partial class EventStoreExceptionToProblem(IProblemDetailsService problems, ILogger<EventStoreExceptionToProblem> logger)
    : IExceptionHandler
{
    /// <summary>A restart of PostgreSQL takes a few seconds; the health check tells a client more precisely.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (IsConflict(exception))
        {
            LogConflict(logger, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Gelijktijdige wijziging",
                Detail = "De resource is tegelijk door een ander verzoek gewijzigd; haal de actuele versie op en probeer opnieuw.",
            };
        }
        else if (Unavailable(exception) is { } reason)
        {
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, reason);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Tijdelijk niet beschikbaar",
                Detail = $"De database van deze dienst is tijdelijk niet bereikbaar; er is niets gewijzigd. Probeer het over {RetryAfterSeconds} seconden opnieuw.",
            };
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsConflict(Exception exception) => exception switch
    {
        ConcurrencyException or StreamLockedException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException => true,
        // MT003: Marten's own SQLSTATE for a stream version mismatch in its append function (the quick append mode).
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or "MT003" } => true,
        _ when exception.InnerException is { } inner && inner != exception => IsConflict(inner),
        _ => false,
    };

    /// <summary>Why the database cannot be used right now, or null when the exception is something else.</summary>
    private static string? Unavailable(Exception exception) => exception switch
    {
        // 57P01-57P03: the server shuts down or starts; 08xxx: the connection failed; 53xxx: out of resources.
        PostgresException { SqlState: var state } when state.StartsWith("57P", StringComparison.Ordinal)
            || state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) => state,
        PostgresException => null,
        NpgsqlException { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
        NpgsqlException { IsTransient: true } npgsql => npgsql.Message,
        SocketException socket => socket.SocketErrorCode.ToString(),
        _ when exception.InnerException is { } inner && inner != exception => Unavailable(inner),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with 409: concurrent change")]
    private static partial void LogConflict(ILogger logger, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unavailable ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
