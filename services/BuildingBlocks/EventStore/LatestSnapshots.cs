using System.Collections.Concurrent;
using Marten;

namespace RobuustOD.EventStore;

/// <summary>
/// The latest inline snapshot of each stream of one type, kept in process and served without asking PostgreSQL while
/// nothing changed. <see cref="StreamChanges"/> invalidates a stream synchronously when this process commits to it
/// (read-your-writes on this instance) and, through <see cref="StreamChangeListener"/>, shortly after another instance
/// on the same database does (its notification, then one small query: about <see cref="StreamChangeListener.MinInterval"/>
/// plus a round trip). While that listener is not connected every read asks the stream's version as before. The cached
/// objects are shared: read them, never change them (writes fetch their own copy with <c>FetchForWriting</c>).
/// </summary>
public sealed class LatestSnapshots<T> : IStreamChangeObserver where T : class
{
    /// <summary>A register holds a few thousand streams; beyond this the list is read from the database each time.</summary>
    private const int MaxStreams = 100_000;

    private readonly Func<T, string> _keyOf;
    private readonly Func<T, long> _versionOf;
    private readonly StreamChanges _changes;
    private readonly IDocumentStore _store;

    /// <summary>A slot is replaced, never changed: a load stores its result only if no invalidation replaced the slot it started from.</summary>
    private readonly ConcurrentDictionary<string, Slot> _cache = new(StringComparer.Ordinal);

    private long _generation;
    private volatile bool _complete;
    private volatile bool _keysChanged = true;
    private string[] _sortedKeys = [];
    private View? _view;

    public LatestSnapshots(Func<T, string> keyOf, Func<T, long> versionOf, StreamChanges changes, IDocumentStore store)
    {
        _store = store;
        _keyOf = keyOf;
        _versionOf = versionOf;
        _changes = changes;
        changes.Observe(this);
    }

    /// <summary>As <c>session.Events.FetchLatest&lt;T&gt;(key)</c>: the current snapshot, or null when the stream does not exist.</summary>
    public ValueTask<T?> FetchLatestAsync(string key, CancellationToken ct)
    {
        // A hit costs no session and no allocation.
        return _changes.IsListening && _cache.TryGetValue(key, out var slot) && slot.Snapshot is { } snapshot
            ? ValueTask.FromResult<T?>(snapshot)
            : new ValueTask<T?>(LoadAsync(key, ct));
    }

    private async Task<T?> LoadAsync(string key, CancellationToken ct)
    {
        var trusted = _changes.IsListening;
        _cache.TryGetValue(key, out var slot);
        await using var session = _store.LightweightSession();

        if (!trusted)
        {
            // Another instance's commit might not have reached us: ask the version (a primary-key lookup) first.
            var state = await session.Events.FetchStreamStateAsync(key, ct);
            if (state is null)
            {
                Forget(key, slot);
                return null;
            }

            if (slot?.Snapshot is { } cached && slot.Version == state.Version)
            {
                return cached;
            }
        }

        var latest = await session.Events.FetchLatest<T>(key, ct);
        if (latest is null)
        {
            Forget(key, slot);
            return null;
        }

        Store(key, slot, latest);
        return latest;
    }

    /// <summary>Every stream's latest snapshot in ordinal order of its key, as of this call (for lists filtered in memory).</summary>
    public async Task<IReadOnlyList<T>> AllAsync(CancellationToken ct)
    {
        if (!_changes.IsListening || !_complete)
        {
            await using var all = _store.QuerySession();
            return await LoadAllAsync(all, ct);
        }

        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _view) is { } view && view.Generation == generation)
        {
            return view.Items;
        }

        // Reload what was invalidated since; a stream invalidated again meanwhile shows what this call loaded.
        var stale = _cache.Where(e => e.Value.Snapshot is null).ToList();
        var loaded = new Dictionary<string, T>(StringComparer.Ordinal);
        if (stale.Count > 0)
        {
            await using var session = _store.QuerySession();
            foreach (var snapshot in await session.LoadManyAsync<T>(ct, stale.Select(e => e.Key)))
            {
                loaded[_keyOf(snapshot)] = snapshot;
            }

            foreach (var (key, slot) in stale)
            {
                if (loaded.TryGetValue(key, out var snapshot))
                {
                    Store(key, slot, snapshot);
                }
                else
                {
                    Forget(key, slot);
                }
            }
        }

        var items = new List<T>(_cache.Count);
        foreach (var key in SortedKeys())
        {
            if (loaded.TryGetValue(key, out var snapshot))
            {
                items.Add(snapshot);
            }
            else if (_cache.TryGetValue(key, out var slot) && (slot.Snapshot ?? slot.Previous) is { } known)
            {
                items.Add(known);
            }
        }

        Volatile.Write(ref _view, new View(generation, items));
        return items;
    }

    void IStreamChangeObserver.Changed(string key, long? version)
    {
        while (true)
        {
            if (!_cache.TryGetValue(key, out var slot))
            {
                if (_cache.Count >= MaxStreams)
                {
                    _complete = false;
                    return;
                }

                if (_cache.TryAdd(key, Slot.Invalidated(null)))
                {
                    KeysChanged();
                    return;
                }

                continue;
            }

            // Known at this version or later already (e.g. this process's own commit, reloaded since): nothing to do.
            if (slot.Snapshot is not null && version is { } inDatabase && slot.Version >= inDatabase)
            {
                return;
            }

            if (_cache.TryUpdate(key, Slot.Invalidated(slot.Snapshot ?? slot.Previous), slot))
            {
                Interlocked.Increment(ref _generation);
                return;
            }
        }
    }

    void IStreamChangeObserver.Sweep(IReadOnlyDictionary<string, long> streams)
    {
        foreach (var (key, version) in streams)
        {
            ((IStreamChangeObserver)this).Changed(key, version);
        }

        // A stream the database does not list is loaded again rather than dropped here: the sweep's query may predate
        // this process's own commit that created it.
        foreach (var key in _cache.Keys)
        {
            if (!streams.ContainsKey(key))
            {
                ((IStreamChangeObserver)this).Changed(key, null);
            }
        }
    }

    private async Task<IReadOnlyList<T>> LoadAllAsync(IQuerySession session, CancellationToken ct)
    {
        var before = _cache.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var all = await session.Query<T>().ToListAsync(ct);
        if (all.Count <= MaxStreams)
        {
            foreach (var snapshot in all)
            {
                var key = _keyOf(snapshot);
                if (before.TryGetValue(key, out var slot))
                {
                    Store(key, slot, snapshot);
                }
                else if (_cache.TryAdd(key, new Slot(snapshot, _versionOf(snapshot), null)))
                {
                    KeysChanged();
                }
            }

            _complete = true;
        }

        return [.. all.OrderBy(_keyOf, StringComparer.Ordinal)];
    }

    private string[] SortedKeys()
    {
        if (_keysChanged)
        {
            _keysChanged = false;
            var keys = _cache.Keys.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            Volatile.Write(ref _sortedKeys, keys);
        }

        return Volatile.Read(ref _sortedKeys);
    }

    private void Store(string key, Slot? from, T snapshot)
    {
        var stored = new Slot(snapshot, _versionOf(snapshot), null);
        if (from is null)
        {
            if (_cache.Count < MaxStreams && _cache.TryAdd(key, stored))
            {
                KeysChanged();
            }
        }
        else
        {
            // Fails when the stream was invalidated while this was loading: the next read loads again.
            _cache.TryUpdate(key, stored, from);
        }
    }

    private void Forget(string key, Slot? slot)
    {
        if (slot is not null && _cache.TryRemove(KeyValuePair.Create(key, slot)))
        {
            KeysChanged();
        }
    }

    private void KeysChanged()
    {
        _keysChanged = true;
        Interlocked.Increment(ref _generation);
    }

    /// <param name="Snapshot">Null: invalidated, load again.</param>
    /// <param name="Previous">What an invalidated slot held, for a list that meets a stream invalidated while it runs.</param>
    private sealed record Slot(T? Snapshot, long Version, T? Previous)
    {
        public static Slot Invalidated(T? previous) => new(null, 0, previous);

        // Reference identity: TryUpdate must fail when another slot took this one's place, even an equal one.
        public bool Equals(Slot? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }

    private sealed record View(long Generation, IReadOnlyList<T> Items);
}
