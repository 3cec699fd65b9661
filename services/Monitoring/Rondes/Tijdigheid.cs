namespace RobuustOD.Monitoring.Rondes;

public enum TijdigheidStatus
{
    /// <summary>The round has no due date (yet): nothing can be said.</summary>
    GeenTermijn,

    /// <summary>Not submitted, the due date has not passed.</summary>
    NogNietVerlopen,

    /// <summary>Not submitted and the due date has passed.</summary>
    TermijnVerstreken,

    Tijdig,

    TeLaat,
}

public sealed record Tijdigheid(DateOnly? IndienenUiterlijk, TijdigheidStatus Status, int? DagenTeLaat)
{
    /// <summary>
    /// On time or late against the round's due date as it is now (so a changed due date re-evaluates): submitted on
    /// the due date is on time; one day after is one day late.
    /// </summary>
    public static Tijdigheid Bepaal(DateOnly? uiterlijk, DateOnly? ingediendOp, DateOnly vandaag)
    {
        if (uiterlijk is not { } termijn)
        {
            return new(null, TijdigheidStatus.GeenTermijn, null);
        }

        if (ingediendOp is { } ingediend)
        {
            return ingediend <= termijn
                ? new(termijn, TijdigheidStatus.Tijdig, null)
                : new(termijn, TijdigheidStatus.TeLaat, ingediend.DayNumber - termijn.DayNumber);
        }

        return vandaag <= termijn
            ? new(termijn, TijdigheidStatus.NogNietVerlopen, null)
            : new(termijn, TijdigheidStatus.TermijnVerstreken, vandaag.DayNumber - termijn.DayNumber);
    }
}
