using Marten;
using RobuustOD.Domain;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>The register's streams: an OD must exist before anything can be decided about it.</summary>
public static class OmgevingsdienstStreams
{
    public static DomainRuleException NietGevonden(string code) =>
        DomainRuleException.NotFound($"Omgevingsdienst '{code}' staat niet in het register.");

    /// <summary>The OD as the decision sees it; 404 when its stream does not exist.</summary>
    public static Omgevingsdienst Bestaand(this Omgevingsdienst? od, string code) => od ?? throw NietGevonden(code);

    public static async Task<Omgevingsdienst> HaalOpAsync(this IDocumentSession session, string code, CancellationToken ct) =>
        await session.Events.FetchLatest<Omgevingsdienst>(code, ct) ?? throw NietGevonden(code);
}
