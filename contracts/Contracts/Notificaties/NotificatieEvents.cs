using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Notificaties;

// The notification service's operational events, version 1, on the notificaties topic: what a subscription's contact must
// hear about. The CloudEvent subject is the subscription's stream ("abonnement-<id>"); Abonnement is its id (32 hex digits).

/// <summary>
/// A delivery exhausted its retry schedule: it is kept as <c>mislukt</c> (replayable) and the subscription is marked.
/// <c>LaatsteStatus</c> is the subscriber's last HTTP status (null: no answer, e.g. a time-out or a refused connection).
/// </summary>
[IntegrationEvent("nl.robuustod.notificaties.aflevering-mislukt.v1", PubSub.Topics.Notificaties)]
public sealed record AfleveringMisluktV1(string Abonnement, string? Abonneereferentie, string Contact, string Aflevering, string GebeurtenisId,
    string GebeurtenisType, string? Onderwerp, int Pogingen, int? LaatsteStatus, DateTimeOffset MisluktOp);

/// <summary>The subscriber kept failing for the configured number of days: no more attempts until it is resumed (nothing deleted).</summary>
[IntegrationEvent("nl.robuustod.notificaties.abonnement-opgeschort.v1", PubSub.Topics.Notificaties)]
public sealed record AbonnementOpgeschortV1(string Abonnement, string? Abonneereferentie, string Contact, string Reden, DateTimeOffset OpgeschortOp);

/// <summary>The subscriber answered 410 Gone: the subscription is disabled (nothing deleted) until it is resumed.</summary>
[IntegrationEvent("nl.robuustod.notificaties.abonnement-uitgeschakeld.v1", PubSub.Topics.Notificaties)]
public sealed record AbonnementUitgeschakeldV1(string Abonnement, string? Abonneereferentie, string Contact, string Reden, DateTimeOffset UitgeschakeldOp);
