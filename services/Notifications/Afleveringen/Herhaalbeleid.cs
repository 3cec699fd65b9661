namespace RobuustOD.Notifications.Afleveringen;

/// <summary>How an attempt ended, as the retry policy sees it.</summary>
public sealed record Uitkomst(int? Status, TimeSpan? RetryAfter)
{
    public bool Geslaagd => Status is >= 200 and < 300;

    public bool Weg => Status == 410;
}

public enum Besluit
{
    Afgeleverd,

    /// <summary>Try again at <see cref="Volgende.Op"/>.</summary>
    Opnieuw,

    /// <summary>The schedule is exhausted: failed for good, alert.</summary>
    Mislukt,

    /// <summary>410 Gone: the delivery waits, the subscription is disabled.</summary>
    Uitschakelen,
}

public sealed record Volgende(Besluit Besluit, DateTimeOffset Op, bool Opschorten);

/// <summary>
/// The retry decision, pure: after attempt n (1-based) failed, wait schedule[n-1] with jitter or, on 429 and 503, the
/// subscriber's <c>Retry-After</c> (capped at <c>MaxRetryAfter</c>); after the last step: <c>mislukt</c>. A 410 disables the subscription. When the delivery
/// has been failing longer than <c>OpschortenNa</c>, the subscription is suspended too.
/// </summary>
public static class Herhaalbeleid
{
    /// <param name="willekeur">A number in [0, 1) for the jitter (random in the service, fixed in tests).</param>
    public static Volgende Beslis(Aflevering aflevering, Uitkomst uitkomst, DateTimeOffset nu, NotificatieOptions opties, double willekeur)
    {
        if (uitkomst.Geslaagd)
        {
            return new Volgende(Besluit.Afgeleverd, nu, false);
        }

        var faaltSinds = aflevering.FaaltSinds ?? nu;
        var opschorten = nu - faaltSinds >= opties.OpschortenNa;
        if (uitkomst.Weg)
        {
            return new Volgende(Besluit.Uitschakelen, nu, false);
        }

        var poging = aflevering.AantalPogingen + 1;
        if (poging > opties.Schema.Count)
        {
            return new Volgende(Besluit.Mislukt, nu, opschorten);
        }

        var stap = opties.Schema[poging - 1];
        var wacht = uitkomst.Status is 429 or 503 && uitkomst.RetryAfter is { } gevraagd
            ? (gevraagd > opties.MaxRetryAfter ? opties.MaxRetryAfter : gevraagd)
            : stap + (stap * (opties.Jitter * ((2 * willekeur) - 1)));
        return new Volgende(Besluit.Opnieuw, nu + (wacht < TimeSpan.Zero ? TimeSpan.Zero : wacht), opschorten);
    }
}
