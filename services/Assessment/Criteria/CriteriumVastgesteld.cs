using Marten;
using RobuustOD.Contracts.Beoordeling;

namespace RobuustOD.Assessment.Criteria;

/// <summary>
/// A version of a criterion was set (stream <see cref="Criteriumcatalogus.StreamKey"/>). The catalogue's documents
/// answer the reads; this event, in the same commit, is what leaves the service, so that monitoring and subsidy keep
/// their own copy of the catalogue (the thresholds, the numbers that exist) from the event store, at least once.
/// </summary>
public sealed record CriteriumVastgesteld(int Nummer, int Versie, string Titel, string? Vraag, Drempel? Drempel, string? Bron,
    DateTimeOffset VastgesteldOp, string VastgesteldDoor)
{
    public static CriteriumVastgesteld Van(CriteriumVersie c) =>
        new(c.Nummer, c.Versie, c.Titel, c.Vraag, c.Drempel, c.Bron, c.VastgesteldOp, c.VastgesteldDoor);
}

public static class CatalogusSessie
{
    /// <summary>Inserts the version and appends its event; the caller saves once, so both commit or neither.</summary>
    public static void VoegVersieToe(this IDocumentSession session, CriteriumVersie versie)
    {
        // Insert, not Store: two writers of the same number and version lose with 409 rather than overwrite.
        session.Insert(versie);
        session.Events.Append(Criteriumcatalogus.StreamKey, CriteriumVastgesteld.Van(versie));
    }
}
