using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// What an attempt's outcome does to the delivery and to its subscription, pure: the delivery's new state, and the
/// subscription's events (marked and alerted on <c>mislukt</c>, disabled on 410, suspended after failing too long).
/// </summary>
public static class Gevolgen
{
    public static void VoorAflevering(Aflevering aflevering, Poging poging, Volgende volgende)
    {
        aflevering.Log(poging);
        switch (volgende.Besluit)
        {
            case Besluit.Afgeleverd:
                aflevering.Status = Aflevering.Afgeleverd;
                aflevering.AfgeleverdOp = poging.Op;
                aflevering.FaaltSinds = null;
                break;
            case Besluit.Mislukt:
                aflevering.AantalPogingen++;
                aflevering.Status = Aflevering.Mislukt;
                aflevering.MisluktOp = poging.Op;
                break;
            case Besluit.Uitschakelen:
                // Not an attempt of the schedule: the delivery waits, in order, until the subscription is resumed.
                aflevering.FaaltSinds ??= poging.Op;
                aflevering.VolgendePogingOp = poging.Op;
                break;
            default:
                aflevering.AantalPogingen++;
                aflevering.FaaltSinds ??= poging.Op;
                aflevering.VolgendePogingOp = volgende.Op;
                break;
        }
    }

    public static IEnumerable<object> VoorAbonnement(Abonnement? abonnement, Aflevering aflevering, Poging poging, Volgende volgende)
    {
        if (abonnement is null || abonnement.Status == AbonnementStatus.Verwijderd)
        {
            yield break;
        }

        if (volgende.Besluit == Besluit.Mislukt)
        {
            yield return new AfleveringMislukt(aflevering.Id, aflevering.GebeurtenisId, aflevering.Type,
                aflevering.Onderwerp.Length == 0 ? null : aflevering.Onderwerp, aflevering.AantalPogingen, poging.Status,
                abonnement.Instellingen.Contact, abonnement.Instellingen.Abonneereferentie, poging.Op);
        }

        if (!abonnement.Bezorgt)
        {
            yield break;
        }

        if (volgende.Besluit == Besluit.Uitschakelen)
        {
            yield return new AbonnementUitgeschakeld("De abonnee antwoordde 410 Gone.", abonnement.Instellingen.Contact,
                abonnement.Instellingen.Abonneereferentie, poging.Op);
        }
        else if (volgende.Opschorten)
        {
            yield return new AbonnementOpgeschort(
                $"Afleveringen mislukken sinds {aflevering.FaaltSinds:yyyy-MM-dd HH:mm} UTC (laatste: {Handdruk.Omschrijf(poging)}).",
                abonnement.Instellingen.Contact, abonnement.Instellingen.Abonneereferentie, poging.Op);
        }
    }
}
