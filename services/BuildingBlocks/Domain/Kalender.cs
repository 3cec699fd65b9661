namespace RobuustOD.Domain;

/// <summary>
/// The programme's dates are Dutch calendar dates: "today" is today in Amsterdam, not in UTC (between midnight and
/// 01:00 or 02:00 Dutch time the UTC date is still yesterday). Every date derived from a moment goes through here.
/// </summary>
public static class Kalender
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The Amsterdam calendar date of a moment.</summary>
    public static DateOnly Datum(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    /// <summary>The moment a Dutch calendar date begins (midnight in Amsterdam, with that day's offset).</summary>
    public static DateTimeOffset Begin(DateOnly datum)
    {
        var middernacht = datum.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(middernacht, Amsterdam.GetUtcOffset(middernacht));
    }

    /// <summary>Today in Amsterdam, from the service's clock (a test clock in tests).</summary>
    public static DateOnly Vandaag(this TimeProvider clock) => Datum(clock.GetUtcNow());
}
