using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Beoordeling;

// The assessment service's integration events, version 1. Code is the OD (also the CloudEvent subject).
// Oordeel: "robuust", "nietRobuust" or "nietZelfstandigRobuust". Haalbaarheid: 1 green, 2 orange, 3 red, null.

public sealed record CriteriumKleurV1(int Nummer, int? StaatInPva, int? Haalbaarheid);

[IntegrationEvent("nl.robuustod.beoordeling.beoordeling-gepubliceerd.v1", PubSub.Topics.Beoordeling)]
public sealed record BeoordelingGepubliceerdV1(string Code, string Ronde, int Versie, string? Oordeel, IReadOnlyList<CriteriumKleurV1> Criteria);

[IntegrationEvent("nl.robuustod.beoordeling.oordeel-herzien.v1", PubSub.Topics.Beoordeling)]
public sealed record OordeelHerzienV1(string Code, string Ronde, int Versie, string? Oud, string? Nieuw, string Reden);

[IntegrationEvent("nl.robuustod.beoordeling.criterium-score-gewijzigd.v1", PubSub.Topics.Beoordeling)]
public sealed record CriteriumScoreGewijzigdV1(string Code, string Ronde, int Versie, int Nummer, int? OudeHaalbaarheid, int? NieuweHaalbaarheid);
