using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Beoordeling;

// The criteria catalogue's integration events, version 1, on the beoordeling topic. Subject (and partition key):
// the catalogue's stream, "criteriumcatalogus", so the versions of the catalogue arrive in the order they were set.

/// <summary>
/// A measurable threshold of a criterion, as the assessment keeps it: e.g. operator ">=", waarde 80, eenheid "%",
/// grootheid "aandeel fte in vaste dienst". Operator is one of &gt;, &gt;=, &lt;, &lt;=, =.
/// </summary>
public sealed record DrempelV1(string Omschrijving, string? Grootheid, string Operator, decimal Waarde, string Eenheid);

/// <summary>
/// IenW set a version of a criterion: its first version (added to the catalogue) or a later edition. Versions are
/// never changed; a subscriber keeps the highest version per number as the current one.
/// </summary>
[IntegrationEvent("nl.robuustod.beoordeling.criterium-vastgesteld.v1", PubSub.Topics.Beoordeling)]
public sealed record CriteriumVastgesteldV1(int Nummer, int Versie, string Titel, string? Vraag, DrempelV1? Drempel, string? Bron,
    DateTimeOffset VastgesteldOp);

public static class Criteriumcatalogus
{
    /// <summary>The stream (and CloudEvent subject) of the catalogue in the assessment service.</summary>
    public const string StreamKey = "criteriumcatalogus";
}
