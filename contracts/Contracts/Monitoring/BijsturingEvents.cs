using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Monitoring;

// The monitoring service's events of judgement and escalation, version 1, on the monitoring topic. Code is the OD (also
// the CloudEvent subject) for the events of an OD's stream; a conversation or a decision is its own stream, and its
// subject is that stream's key ("gesprek-{id}", "besluit-{id}"), so it may name several ODs.
// Voortgang: "voldoende" or "onvoldoende". Eindresultaat (robust on 1 April 2026): "ja", "nee" or "nietZelfstandig".
// Stap: "bestuurlijkGesprek", "besluitVerdergaandeMaatregelen" or "besluitMaatregelen".

/// <summary>IenW judged an OD's submitted report (drafts by the assessor are not published).</summary>
[IntegrationEvent("nl.robuustod.monitoring.voortgang-beoordeeld.v1", PubSub.Topics.Monitoring)]
public sealed record VoortgangBeoordeeldV1(string Code, string Ronde, string Voortgang, string Uitkomst, string Toelichting,
    string? RobuustOp1April2026, int RegelsVersie, DateTimeOffset BeoordeeldOp);

/// <summary>A judgement matched an escalation rule and opened its step (once per OD, round and step).</summary>
[IntegrationEvent("nl.robuustod.monitoring.escalatie-geopend.v1", PubSub.Topics.Monitoring)]
public sealed record EscalatieGeopendV1(string Code, string Id, string Ronde, string Stap, string Regel, int RegelsVersie, DateTimeOffset GeopendOp);

/// <summary>An escalation step was held or taken and is closed; <c>Besluit</c> names the decision that closed it, if one did.</summary>
[IntegrationEvent("nl.robuustod.monitoring.escalatie-afgerond.v1", PubSub.Topics.Monitoring)]
public sealed record EscalatieAfgerondV1(string Code, string Id, DateOnly Datum, string Uitkomst, string? Vervolg, string? Besluit);

/// <summary>IenW recorded a conversation ("ambtelijk", "bestuurlijk", "dgGedeputeerden"); <c>Uitkomst</c> null: not known.</summary>
[IntegrationEvent("nl.robuustod.monitoring.gesprek-gevoerd.v1", PubSub.Topics.Monitoring)]
public sealed record GesprekGevoerdV1(string Id, string Soort, DateOnly Datum, IReadOnlyList<string> Omgevingsdiensten, IReadOnlyList<string> Provincies,
    string? Uitkomst, string? Escalatie);

/// <summary>A decision on measures for one or more ODs, closing the escalation steps it names.</summary>
[IntegrationEvent("nl.robuustod.monitoring.besluit-maatregelen-genomen.v1", PubSub.Topics.Monitoring)]
public sealed record BesluitMaatregelenGenomenV1(string Id, string Inhoud, DateOnly Datum, string GenomenDoor, IReadOnlyList<string> Omgevingsdiensten,
    IReadOnlyList<string> Escalaties);

/// <summary>IenW's judgement of the final report recorded (or changed) whether the OD was robust on 1 April 2026: published.</summary>
[IntegrationEvent("nl.robuustod.monitoring.eindresultaat-vastgelegd.v1", PubSub.Topics.Monitoring)]
public sealed record EindresultaatVastgelegdV1(string Code, string RobuustOp1April2026, DateTimeOffset VastgelegdOp);
