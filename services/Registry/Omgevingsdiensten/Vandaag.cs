namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>Register dates are Dutch calendar dates: "today" is today in Amsterdam, not in UTC.</summary>
public static class Vandaag
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Datum(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);
}
