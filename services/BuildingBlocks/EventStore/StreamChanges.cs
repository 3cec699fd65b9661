using Marten;
using Marten.Services;

namespace RobuustOD.EventStore;

/// <summary>What a snapshot cache is told about the streams of this service's store.</summary>
internal interface IStreamChangeObserver
{
    /// <summary>The stream was written; <paramref name="version"/> is its version in the database when known (null: this process's own commit).</summary>
    void Changed(string key, long? version);

    /// <summary>Every stream and its version, as the database holds them now.</summary>
    void Sweep(IReadOnlyDictionary<string, long> streams);
}

/// <summary>
/// Tells the in-process snapshot caches (<see cref="LatestSnapshots{T}"/>) which streams changed: synchronously for this
/// process's own commits (as a Marten session listener its <c>AfterCommit</c> runs inside <c>SaveChangesAsync</c>, so a
/// read after a successful write here sees the write), and from <see cref="StreamChangeListener"/> for the commits of
/// other instances on the same database. While that listener is not connected (<see cref="IsListening"/> false) the
/// caches do not trust themselves and ask the database for each stream's version as before.
/// </summary>
public sealed class StreamChanges : DocumentSessionListenerBase
{
    private readonly Lock _lock = new();
    private IStreamChangeObserver[] _observers = [];
    private volatile bool _listening;

    /// <summary>True while another instance's commit reaches this process within the listener's delay.</summary>
    public bool IsListening => _listening;

    internal void Observe(IStreamChangeObserver observer)
    {
        lock (_lock)
        {
            _observers = [.. _observers, observer];
        }
    }

    internal void Listening(bool listening) => _listening = listening;

    internal void Changed(string key, long? version)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.Changed(key, version);
        }
    }

    internal void Sweep(IReadOnlyDictionary<string, long> streams)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.Sweep(streams);
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var stream in commit.GetStreams())
        {
            Changed(stream.Key ?? stream.Id.ToString(), null);
        }

        return Task.CompletedTask;
    }
}
