using Marten;
using RobuustOD.ServiceDefaults.EventStore;
using RobuustOD.ServiceDefaults.Problems;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>The decider loop for one OD's stream: fetch for writing, check If-Match, decide, append.</summary>
public static class OmgevingsdienstStreams
{
    public static async Task<Omgevingsdienst> BeslisAsync(this IDocumentSession session, string code, HttpRequest? request,
        Func<Omgevingsdienst, IEnumerable<object>> beslis, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Omgevingsdienst>(code, ct);
        var od = stream.Aggregate ?? throw NietGevonden(code);
        request?.EnsureIfMatch(stream.CurrentVersion ?? 0);

        var events = beslis(od).ToArray();
        if (events.Length == 0)
        {
            return od;
        }

        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Omgevingsdienst>(code, ct))!;
    }

    public static DomainRuleException NietGevonden(string code) =>
        DomainRuleException.NotFound($"Omgevingsdienst '{code}' staat niet in het register.");

    public static async Task<Omgevingsdienst> HaalOpAsync(this IDocumentSession session, string code, CancellationToken ct) =>
        await session.Events.FetchLatest<Omgevingsdienst>(code, ct) ?? throw NietGevonden(code);
}
