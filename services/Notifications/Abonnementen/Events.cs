namespace RobuustOD.Notifications.Abonnementen;

// The events of a subscription's stream ("abonnement-<id>"). Secrets never appear in them: they live in the
// Abonnementsgeheim document, so the history can be shown without leaking them.

public sealed record AbonnementAangemaakt(string AbonnementId, string Rol, string? Od, Instellingen Instellingen, int? ToegestaanTempo, DateTimeOffset Op);

public sealed record AbonnementGewijzigd(Instellingen Instellingen, int? ToegestaanTempo, DateTimeOffset Op);

public sealed record AbonnementGepauzeerd(DateTimeOffset Op);

public sealed record AbonnementHervat(DateTimeOffset Op);

public sealed record AbonnementVerwijderd(DateTimeOffset Op);

/// <summary>A new signing secret; the previous one stays valid (and is signed with too) until <paramref name="VorigGeldigTot"/>.</summary>
public sealed record GeheimGeroteerd(DateTimeOffset VorigGeldigTot, DateTimeOffset Op);

/// <summary>A delivery exhausted its retries: the subscription is marked and its contact alerted (published as aflevering-mislukt).</summary>
/// <remarks>The contact and reference as they were then: the alert goes to them.</remarks>
public sealed record AfleveringMislukt(string Aflevering, string GebeurtenisId, string Type, string? Onderwerp, int Pogingen, int? LaatsteStatus,
    string Contact, string? Abonneereferentie, DateTimeOffset Op);

public sealed record AbonnementOpgeschort(string Reden, string Contact, string? Abonneereferentie, DateTimeOffset Op);

public sealed record AbonnementUitgeschakeld(string Reden, string Contact, string? Abonneereferentie, DateTimeOffset Op);
