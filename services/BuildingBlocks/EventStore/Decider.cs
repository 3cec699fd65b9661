using Marten;
using JasperFx.Events;
using RobuustOD.Domain;

namespace RobuustOD.EventStore;

/// <summary>
/// The write path of every stream: fetch it for writing (remembering its version), check the expected version,
/// decide the events on the current state, append them with the actor in the event metadata. It never saves: the
/// feature calls <c>SaveChangesAsync</c> once, so a command that touches several streams commits once. A stale
/// version at save time is a concurrency conflict (409); a decision that throws appends nothing.
/// </summary>
public static class Decider
{
    /// <param name="versionOf">The version the expected version is compared with; the stream's version by default
    /// (a stream that holds several resources, like an OD's assessment dossier, compares the resource's own).</param>
    public static async Task<IEventStream<T>> DecideAsync<T>(this IDocumentSession session, string streamKey,
        ExpectedVersion? expected, Handeling handeling, Func<T?, IEnumerable<object>> decide, CancellationToken ct,
        Func<T?, long>? versionOf = null)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(streamKey, ct);
        expected?.Check(versionOf?.Invoke(stream.Aggregate) ?? stream.CurrentVersion ?? 0);

        var events = decide(stream.Aggregate).ToArray();
        if (events.Length > 0)
        {
            session.LastModifiedBy = handeling.Door;
            stream.AppendMany(events);
        }

        return stream;
    }

    /// <summary>Starts a new stream (a successor, a new OD) in the same unit of work, stamped with the actor.</summary>
    public static void Start<T>(this IDocumentSession session, string streamKey, Handeling handeling, IEnumerable<object> events)
        where T : class
    {
        session.LastModifiedBy = handeling.Door;
        session.Events.StartStream<T>(streamKey, [.. events]);
    }
}
