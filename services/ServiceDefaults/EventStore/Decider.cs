using Marten;
using Microsoft.AspNetCore.Http;

namespace RobuustOD.ServiceDefaults.EventStore;

/// <summary>
/// The write path of every stream: fetch for writing (remembering its version), check If-Match,
/// decide the events on the current state, append, save. A stale version at save time is a
/// concurrency error (409); a decision that throws appends nothing.
/// </summary>
public static class Decider
{
    public static async Task<T?> DecideAsync<T>(this IDocumentSession session, string streamKey, HttpRequest? request,
        Func<T?, IEnumerable<object>> decide, CancellationToken ct)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(streamKey, ct);
        request?.EnsureIfMatch(stream.CurrentVersion ?? 0);

        var events = decide(stream.Aggregate).ToArray();
        if (events.Length == 0)
        {
            return stream.Aggregate;
        }

        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return await session.Events.FetchLatest<T>(streamKey, ct);
    }
}
