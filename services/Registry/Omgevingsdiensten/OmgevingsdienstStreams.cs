using RobuustOD.Domain;
using Marten;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>The register's streams: an OD must exist before anything can be decided about it.</summary>
public static class OmgevingsdienstStreams
{
    public static async Task<Omgevingsdienst> BeslisAsync(this IDocumentSession session, string code, HttpRequest? request,
        Func<Omgevingsdienst, IEnumerable<object>> beslis, CancellationToken ct)
    {
        await session.DecideAsync<Omgevingsdienst>(code, request?.ExpectedVersion(), new Handeling(session.LastModifiedBy ?? "anoniem", DateTimeOffset.UtcNow),
            od => beslis(od ?? throw NietGevonden(code)), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Omgevingsdienst>(code, ct))!;
    }

    public static DomainRuleException NietGevonden(string code) =>
        DomainRuleException.NotFound($"Omgevingsdienst '{code}' staat niet in het register.");

    public static async Task<Omgevingsdienst> HaalOpAsync(this IDocumentSession session, string code, CancellationToken ct) =>
        await session.Events.FetchLatest<Omgevingsdienst>(code, ct) ?? throw NietGevonden(code);
}
