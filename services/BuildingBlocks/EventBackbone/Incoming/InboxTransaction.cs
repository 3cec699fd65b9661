using RobuustOD.Domain;
using JasperFx;
using Marten;
using Marten.Services;
using Npgsql;
using Microsoft.Extensions.Logging;

namespace RobuustOD.EventBackbone.Incoming;

/// <summary>
/// Applies the entries of one delivery (one event, or a bulk delivery's page of them) in one PostgreSQL transaction:
/// per entry its inbox row and its handler's writes, in the order delivered, then one commit. Each entry has a session
/// of its own enlisted in that transaction (<see cref="SessionOptions.ForTransaction"/>) and saved
/// before the next entry runs, so a handler that loads a document or a stream reads what the entries before it wrote
/// (several events of one OD in one delivery apply exactly as if delivered one by one). Per entry the answer is what it
/// was alone: applied (SUCCESS); applied before, its inbox row exists (SUCCESS, no effect); can never apply (DROP);
/// transient failure (RETRY, and every entry after it RETRY too, unapplied: a later event never overtakes one that is
/// to be retried, which keeps the order per OD). An entry that fails after it wrote something (its inbox row is a
/// duplicate of a concurrent delivery's, a constraint, a concurrency check) leaves the transaction holding part of it or
/// aborted: the transaction is rolled back and the entries before it are applied again in a new one, without it (no
/// savepoints: a subtransaction per entry costs a round trip each and overflows PostgreSQL's subtransaction cache at 64).
/// </summary>
internal static partial class InboxTransaction
{
    public static async Task ApplyAsync(IDocumentStore store, IReadOnlyList<InboxEntry> entries, ILogger logger, CancellationToken ct)
    {
        if (entries.All(e => e.Status is not null))
        {
            return;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        // Each pass answers at least one more entry or commits, so this ends.
        while (!await PassAsync(store, connection, entries, logger, ct))
        {
        }

        // Whatever came after the first RETRY waits for it: answered RETRY, even if it was answered otherwise.
        var first = entries.ToList().FindIndex(e => e.Status == InboxEntry.Retry);
        for (var i = first + 1; first >= 0 && i < entries.Count; i++)
        {
            entries[i].Status = InboxEntry.Retry;
        }
    }

    /// <returns>True when done (committed, or nothing left to apply); false to apply the remaining entries again.</returns>
    private static async Task<bool> PassAsync(IDocumentStore store, NpgsqlConnection connection, IReadOnlyList<InboxEntry> entries,
        ILogger logger, CancellationToken ct)
    {
        var pending = entries.Where(e => e.Status is null).ToList();
        if (pending.Count == 0)
        {
            return true;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (pending.Count > 1)
        {
            // A redelivered page (after a crash of the publisher) consists of duplicates: find them with one query
            // rather than one failed insert and a new pass each.
            await using var lookup = store.QuerySession(SessionOptions.ForTransaction(transaction));
            var known = (await lookup.LoadManyAsync<VerwerkteGebeurtenis>(ct, pending.Select(e => e.Key).Distinct(StringComparer.Ordinal)))
                .Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in pending.Where(e => known.Contains(e.Key)))
            {
                TopicSubscription.LogDuplicate(logger, entry.Context.Id, entry.Context.Type);
                entry.Status = InboxEntry.Success;
            }
        }

        var applied = new List<InboxEntry>();
        foreach (var entry in entries)
        {
            if (entry.Status == InboxEntry.Retry)
            {
                break;
            }

            if (entry.Status is not null)
            {
                continue;
            }

            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
            session.Insert(new VerwerkteGebeurtenis
            {
                Id = entry.Key,
                Type = entry.Context.Type,
                Onderwerp = entry.Context.Subject,
                VerwerktOp = DateTimeOffset.UtcNow,
            });
            var saving = false;
            try
            {
                await entry.Apply!(entry.Payload!, session, entry.Context, ct);
                saving = true;
                await session.SaveChangesAsync(ct);
                applied.Add(entry);
            }
            catch (Exception ex) when (Answer(ex, entry, logger) is { } status)
            {
                entry.Status = status;
                if (saving || IsDatabaseError(ex))
                {
                    // Part of this entry may be in the transaction, or PostgreSQL has aborted it: start again without it.
                    await transaction.RollbackAsync(ct);
                    return false;
                }

                if (status == InboxEntry.Retry)
                {
                    break;
                }
            }
        }

        if (applied.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return true;
        }

        try
        {
            await transaction.CommitAsync(ct);
            applied.ForEach(e => e.Status = InboxEntry.Success);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            applied.ForEach(e => e.Status = InboxEntry.Retry);
        }

        return true;
    }

    /// <summary>The answer for an entry whose handler or save threw, as when it came alone; null: not ours to answer (a 500).</summary>
    private static string? Answer(Exception ex, InboxEntry entry, ILogger logger)
    {
        if (IsDuplicate(ex))
        {
            // Either this event was applied before, or a concurrent delivery of it just won.
            TopicSubscription.LogDuplicate(logger, entry.Context.Id, entry.Context.Type);
            return InboxEntry.Success;
        }

        if (IsTransient(ex))
        {
            return InboxEntry.Retry;
        }

        if (ex is DomainRuleException rule)
        {
            TopicSubscription.LogDrop(logger, entry.Context.Id, entry.Context.Type, rule.Message);
            return InboxEntry.Drop;
        }

        return null;
    }

    private static bool IsTransient(Exception ex) => ex is ConcurrencyException or NpgsqlException { IsTransient: true } or TimeoutException;

    private static bool IsDatabaseError(Exception ex) => ex is NpgsqlException || (ex.InnerException is { } inner && IsDatabaseError(inner));

    private static bool IsDuplicate(Exception ex) => ex switch
    {
        DocumentAlreadyExistsException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => ex.InnerException is { } inner && IsDuplicate(inner),
    };
}
