using JasperFx.Events;
using RobuustOD.Contracts.Notificaties;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications;

/// <summary>
/// What this service tells the others (topic <c>notificaties</c>): a delivery that failed for good, a subscription
/// suspended or disabled, for its contact. Everything else (subscriptions, their settings, rotations) stays inside.
/// </summary>
public sealed class NotificatiesEventMapper : IIntegrationEventMapper
{
    public object? Map(IEvent stored)
    {
        if (stored.StreamKey is not { } key || !key.StartsWith(Abonnement.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = key[Abonnement.Prefix.Length..];
        return stored.Data switch
        {
            AfleveringMislukt e => new AfleveringMisluktV1(id, e.Abonneereferentie, e.Contact, e.Aflevering, e.GebeurtenisId, e.Type, e.Onderwerp,
                e.Pogingen, e.LaatsteStatus, e.Op),
            AbonnementOpgeschort e => new AbonnementOpgeschortV1(id, e.Abonneereferentie, e.Contact, e.Reden, e.Op),
            AbonnementUitgeschakeld e => new AbonnementUitgeschakeldV1(id, e.Abonneereferentie, e.Contact, e.Reden, e.Op),
            _ => null,
        };
    }
}
