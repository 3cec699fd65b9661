using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Monitoring;

// The monitoring service's integration events on its reports and due dates, version 1. Code is the OD (also the
// CloudEvent subject); Ronde is the reporting round (e.g. "voortgang1"). The content of a report is not in the event
// ("informatiearm"): fetch it at GET /monitoring/v1/voortgangsrapportages/{code}-{ronde}.

/// <summary>An OD (or IenW on its behalf) submitted its report of a round; version 1 of its content.</summary>
[IntegrationEvent("nl.robuustod.monitoring.voortgangsrapportage-ingediend.v1", PubSub.Topics.Monitoring)]
public sealed record VoortgangsrapportageIngediendV1(string Code, string Ronde, DateTimeOffset IngediendOp);

/// <summary>The report was submitted after the round's due date as it was then: <c>DagenTeLaat</c> calendar days.</summary>
[IntegrationEvent("nl.robuustod.monitoring.voortgangsrapportage-te-laat.v1", PubSub.Topics.Monitoring)]
public sealed record VoortgangsrapportageTeLaatV1(string Code, string Ronde, DateOnly IndienenUiterlijk, DateTimeOffset IngediendOp, int DagenTeLaat);

/// <summary>The round's due date passed without a submitted report of the OD (found by the clock; once per due date passed).</summary>
[IntegrationEvent("nl.robuustod.monitoring.voortgangsrapportage-verzuimd.v1", PubSub.Topics.Monitoring)]
public sealed record VoortgangsrapportageVerzuimdV1(string Code, string Ronde, DateOnly IndienenUiterlijk, DateTimeOffset VastgesteldOp);

/// <summary>An overdue no longer holds (the due date moved to today or later, was cleared, or the OD no longer had to report).</summary>
[IntegrationEvent("nl.robuustod.monitoring.verzuim-opgeheven.v1", PubSub.Topics.Monitoring)]
public sealed record VerzuimOpgehevenV1(string Code, string Ronde, DateOnly IndienenUiterlijk, string Reden, DateTimeOffset OpgehevenOp);

/// <summary>A submitted report was corrected: <c>Versie</c> is the new version (2 and up), with who and why.</summary>
[IntegrationEvent("nl.robuustod.monitoring.voortgangsrapportage-gecorrigeerd.v1", PubSub.Topics.Monitoring)]
public sealed record VoortgangsrapportageGecorrigeerdV1(string Code, string Ronde, int Versie, string Reden, string Door, DateTimeOffset GecorrigeerdOp);
