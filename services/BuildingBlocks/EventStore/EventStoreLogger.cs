using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RobuustOD.EventStore;

/// <summary>
/// Marten's log, with the outcomes that are not faults kept out of the error log. Marten's own logger writes every
/// failed command of a batch at Error with its SQL and parameters: a lost optimistic-concurrency race (a normal 409)
/// became four <c>fail</c> entries with full SQL, and 200 racing writes 860 lines. Here a conflict or an unreachable
/// database is one Debug line (the HTTP edge logs the outcome once, at Information or Warning); any other failure is
/// one Error entry per batch, with the SQL but never the parameter values (they can hold personal data or secrets).
/// </summary>
internal sealed partial class EventStoreLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => LogSchemaChange(logger, sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        Failure(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failure(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Failure(Exception ex, string sql)
    {
        if (IsExpected(ex))
        {
            LogExpected(logger, ex.GetType().Name, ex.Message);
        }
        else
        {
            LogUnexpected(logger, ex, Describe(ex), sql);
        }
    }

    /// <summary>A concurrency conflict or a database that is away: answered as 409 or 503 at the edge.</summary>
    private static bool IsExpected(Exception ex) => ex switch
    {
        ConcurrencyException or StreamLockedException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException => true,
        // MT003: Marten's own SQLSTATE for a stream version mismatch in its append function (the quick append mode).
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or "MT003" } => true,
        PostgresException { SqlState: var state } => state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException { IsTransient: true } => true,
        _ when ex.InnerException is { } inner && inner != ex => IsExpected(inner),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed schema update SQL:\n{Sql}")]
    private static partial void LogSchemaChange(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten command not applied: {Exception}: {Reason}")]
    private static partial void LogExpected(ILogger logger, string exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten command failed ({Failure}):\n{Sql}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string failure, string sql);

    private static string Describe(Exception ex) =>
        ex is PostgresException pg ? $"{ex.GetType().Name} {pg.SqlState}: {pg.MessageText}" : $"{ex.GetType().Name}: {ex.Message}";
}
