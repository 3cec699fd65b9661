using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Monitoring;

/// <summary>
/// IenW froze the report to parliament of a period (<c>2026-1</c>: first half of 2026) as it was sent: version
/// <c>Versie</c>, the state on <c>Peildatum</c>. Subject: the period's stream, <c>kamerrapportage-{periode}</c>. The
/// report itself is read at <c>GET /monitoring/v1/kamerrapportages/{periode}/versies/{versie}</c>.
/// </summary>
[IntegrationEvent("nl.robuustod.monitoring.kamerrapportage-vastgesteld.v1", PubSub.Topics.Monitoring)]
public sealed record KamerrapportageVastgesteldV1(string Periode, int Versie, DateOnly Peildatum, DateTimeOffset VastgesteldOp);
