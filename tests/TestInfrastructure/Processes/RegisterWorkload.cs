using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace RobuustOD.TestInfrastructure.Processes;

/// <summary>What a client saw of one write.</summary>
public enum WriteOutcome
{
    /// <summary>2xx: the register accepted the write.</summary>
    Accepted,

    /// <summary>Another HTTP status (e.g. 503): refused, nothing may have been stored.</summary>
    Refused,

    /// <summary>No answer (connection refused or reset, timeout): maybe stored, maybe not.</summary>
    Unanswered,
}

/// <summary>One write of the workload; every write gives its OD a name never used before.</summary>
public sealed record WriteAttempt(string Od, string Naam, WriteOutcome Outcome, int? Status, TimeSpan At);

/// <summary>
/// Steady writes to the register, as clients would do them: <c>writers</c> concurrent clients, each renaming its own
/// ODs one after another (so no write races another), with a pause between writes. Every attempt and what its client
/// saw is kept, to compare against what the register stored and the subscriber applied.
/// </summary>
public sealed class RegisterWorkload(HttpClient registry, IReadOnlyList<string> ods)
{
    private readonly ConcurrentQueue<WriteAttempt> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyList<string> Ods => ods;

    public IReadOnlyCollection<WriteAttempt> Attempts => _attempts;

    public int Count(WriteOutcome outcome) => _attempts.Count(a => a.Outcome == outcome);

    /// <summary>Registers every OD; all of them must be accepted (run this while nothing is broken).</summary>
    public async Task RegisterAllAsync(CancellationToken ct)
    {
        foreach (var od in ods)
        {
            ct.ThrowIfCancellationRequested();
            var attempt = await WriteAsync(od, naam => registry.PostAsJsonAsync(new Uri("/register/v1/omgevingsdiensten", UriKind.Relative),
                new { code = od, naam, provincies = new[] { "Utrecht" }, opgerichtOp = (string?)null }, CancellationToken.None));
            if (attempt.Outcome != WriteOutcome.Accepted)
            {
                throw new InvalidOperationException($"Registering {od} was not accepted: {attempt}");
            }
        }
    }

    /// <summary>Renames ODs until <paramref name="stop"/> is cancelled (or <paramref name="maxWrites"/> are done).</summary>
    public async Task RunAsync(int writers, TimeSpan pause, CancellationToken stop, int maxWrites = int.MaxValue)
    {
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            var own = ods.Where((_, i) => i % writers == writer).ToList();
            for (var i = 0; !stop.IsCancellationRequested && Interlocked.Increment(ref done) <= maxWrites; i++)
            {
                var od = own[i % own.Count];
                try
                {
                    // Not cancelled by stop: a write once sent runs to its answer (or the client's timeout), so that
                    // every write the register may have stored is in the ledger.
                    var attempt = await WriteAsync(od, naam => registry.PatchAsJsonAsync(
                        new Uri($"/register/v1/omgevingsdiensten/{od}", UriKind.Relative), new { naam }, CancellationToken.None));
                    // Nobody answers while the register is down: do not spin.
                    await Task.Delay(attempt.Outcome == WriteOutcome.Accepted ? pause : pause + TimeSpan.FromMilliseconds(100), stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }));
    }

    private async Task<WriteAttempt> WriteAsync(string od, Func<string, Task<HttpResponseMessage>> send)
    {
        var naam = $"{od} schrijfactie {_counters.AddOrUpdate(od, 1, (_, n) => n + 1)}";
        WriteAttempt attempt;
        try
        {
            using var response = await send(naam);
            attempt = new WriteAttempt(od, naam, response.IsSuccessStatusCode ? WriteOutcome.Accepted : WriteOutcome.Refused,
                (int)response.StatusCode, _clock.Elapsed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            attempt = new WriteAttempt(od, naam, WriteOutcome.Unanswered, null, _clock.Elapsed);
        }

        _attempts.Enqueue(attempt);
        return attempt;
    }
}
