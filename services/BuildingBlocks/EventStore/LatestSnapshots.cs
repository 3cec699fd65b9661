using System.Collections.Concurrent;
using Marten;

namespace RobuustOD.EventStore;

/// <summary>
/// The latest inline snapshot of each stream, kept in process and served again while the stream's version has not
/// moved. Every read still asks PostgreSQL for the stream's version (one primary-key lookup in <c>mt_streams</c>, a
/// few bytes), so a write committed by any instance is seen by the next read here (read-your-writes across instances)
/// — only loading and deserializing the snapshot document is saved. The cached objects are shared: read them, never
/// change them (writes fetch their own copy with <c>FetchForWriting</c>).
/// </summary>
public sealed class LatestSnapshots<T>(Func<T, long> versionOf) where T : class
{
    /// <summary>A few thousand streams is a register; beyond that start again rather than grow without bound.</summary>
    private const int MaxStreams = 20_000;

    private readonly ConcurrentDictionary<string, (long Version, T Snapshot)> _cache = new(StringComparer.Ordinal);

    /// <summary>As <c>session.Events.FetchLatest&lt;T&gt;(key)</c>: the current snapshot, or null when the stream does not exist.</summary>
    public async Task<T?> FetchLatestAsync(IDocumentSession session, string key, CancellationToken ct)
    {
        var state = await session.Events.FetchStreamStateAsync(key, ct);
        if (state is null)
        {
            _cache.TryRemove(key, out _);
            return null;
        }

        if (_cache.TryGetValue(key, out var cached) && cached.Version == state.Version)
        {
            return cached.Snapshot;
        }

        var latest = await session.Events.FetchLatest<T>(key, ct);
        if (latest is not null)
        {
            if (_cache.Count >= MaxStreams)
            {
                _cache.Clear();
            }

            // Keyed by the snapshot's own version: a write that committed between the two reads is stored as what it is.
            _cache[key] = (versionOf(latest), latest);
        }

        return latest;
    }
}
