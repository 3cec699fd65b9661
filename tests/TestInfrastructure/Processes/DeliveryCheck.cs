using System.Diagnostics;

namespace RobuustOD.TestInfrastructure.Processes;

/// <summary>What the clients, the register's store and the subscriber's inbox and read model say, side by side.</summary>
public sealed record DeliveryReport(
    int Ods,
    int Accepted,
    int Refused,
    int Unanswered,
    int UnansweredButStored,
    int Stored,
    int Applied,
    int Redeliveries,
    long DeadLetters,
    TimeSpan ConvergedAfter,
    IReadOnlyList<string> Problems)
{
    public override string ToString() =>
        $"{Ods} ODs; writes: {Accepted} accepted (2xx), {Refused} refused, {Unanswered} unanswered ({UnansweredButStored} of them stored); "
        + $"register stored {Stored} events; subscriber applied {Applied}, {Redeliveries} redeliveries acknowledged without effect; "
        + $"{DeadLetters} dead letters; caught up {ConvergedAfter.TotalSeconds:F1} s after the writes stopped"
        + (Problems.Count == 0 ? "" : $"; PROBLEMS: {string.Join("; ", Problems.Take(10))}");
}

/// <summary>
/// The backbone's promise, checked end to end once the writes have stopped: every write the register accepted
/// (2xx) is stored; nothing refused is; every stored event is applied by the subscriber exactly once (one inbox row
/// each, no row for anything else) and, per OD, in the order of the OD's stream; the subscriber's copy shows each
/// OD's last stored name; and the register gave up on nothing (no dead letters).
/// </summary>
public static class DeliveryCheck
{
    /// <summary>The log line of a subscriber that received an event it had applied before.</summary>
    public const string RedeliveryLine = "was applied before; acknowledged without effect";

    public static async Task<DeliveryReport> VerifyAsync(ProcessPlatform platform, RegisterWorkload workload, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var storedCount = await platform.StoredCountAsync(ct);
        await Eventually.UntilAsync(async () => await platform.AppliedCountAsync(ct) >= storedCount, timeout,
            async () => $"the subscriber applied {await platform.AppliedCountAsync(ct)} of {storedCount} stored events; "
                + $"register output:\n{platform.Registry.Tail(15)}\nsubscriber output:\n{platform.Subscriber.Tail(15)}",
            ct, pollMilliseconds: 100);
        var convergedAfter = clock.Elapsed;

        var stored = await platform.StoredEventsAsync(ct);
        var applied = await platform.AppliedEventsAsync(ct);
        var names = await platform.SubscriberNamesAsync(ct);
        var deadLetters = await platform.DeadLetterCountAsync(ct);
        var attempts = workload.Attempts.ToList();
        var problems = new List<string>();

        var storedNames = stored.Where(e => e.Naam is not null).Select(e => (e.Od, e.Naam!)).ToHashSet();
        foreach (var lost in attempts.Where(a => a.Outcome == WriteOutcome.Accepted && !storedNames.Contains((a.Od, a.Naam))))
        {
            problems.Add($"accepted but not stored: {lost}");
        }

        foreach (var written in attempts.Where(a => a.Outcome == WriteOutcome.Refused && storedNames.Contains((a.Od, a.Naam))))
        {
            problems.Add($"refused ({written.Status}) but stored: {written}");
        }

        var attempted = attempts.Select(a => (a.Od, a.Naam)).ToHashSet();
        foreach (var stray in stored.Where(e => e.Naam is null || !attempted.Contains((e.Od, e.Naam))))
        {
            problems.Add($"stored without a write of the workload: {stray}");
        }

        // Exactly once: one inbox row per stored event, and none for anything else (the key is unique).
        var storedIds = stored.Select(e => e.Id.ToString()).ToHashSet(StringComparer.Ordinal);
        var appliedIds = applied.Select(a => a.EventId).ToHashSet(StringComparer.Ordinal);
        if (applied.Count != appliedIds.Count)
        {
            problems.Add($"{applied.Count - appliedIds.Count} events applied more than once");
        }

        problems.AddRange(stored.Where(e => !appliedIds.Contains(e.Id.ToString())).Take(5).Select(e => $"stored, never applied: {e}"));
        problems.AddRange(applied.Where(a => !storedIds.Contains(a.EventId)).Take(5).Select(a => $"applied, never stored: {a}"));

        // In order per OD: the order in which the subscriber applied an OD's events is the order of its stream.
        var version = stored.ToDictionary(e => e.Id.ToString(), e => e.Version, StringComparer.Ordinal);
        foreach (var od in applied.Where(a => version.ContainsKey(a.EventId)).GroupBy(a => a.Od ?? ""))
        {
            var order = od.OrderBy(a => a.AppliedAt).Select(a => version[a.EventId]).ToList();
            if (!order.SequenceEqual(order.Order()))
            {
                problems.Add($"{od.Key}: applied out of order, versions {string.Join(",", order.Take(20))}");
            }
        }

        // In effect: the subscriber's copy shows each OD's last stored name.
        foreach (var od in stored.GroupBy(e => e.Od))
        {
            var last = od.MaxBy(e => e.Version)!.Naam;
            if (names.GetValueOrDefault(od.Key) != last)
            {
                problems.Add($"{od.Key}: the subscriber shows '{names.GetValueOrDefault(od.Key)}', the register's last is '{last}'");
            }
        }

        if (deadLetters != 0)
        {
            problems.Add($"{deadLetters} dead letters: the register gave up on a delivery");
        }

        return new DeliveryReport(
            workload.Ods.Count,
            attempts.Count(a => a.Outcome == WriteOutcome.Accepted),
            attempts.Count(a => a.Outcome == WriteOutcome.Refused),
            attempts.Count(a => a.Outcome == WriteOutcome.Unanswered),
            attempts.Count(a => a.Outcome == WriteOutcome.Unanswered && storedNames.Contains((a.Od, a.Naam))),
            stored.Count,
            applied.Count,
            platform.Subscriber.CountLines(RedeliveryLine),
            deadLetters,
            convergedAfter,
            problems);
    }
}
