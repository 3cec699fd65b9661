using RobuustOD.Domain;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>Dutch calendar dates: the date of a moment and the moment a date begins, in winter and in summer time.</summary>
public sealed class KalenderTests
{
    [Theory]
    [InlineData(2026, 1, 15, 1)]
    [InlineData(2026, 7, 1, 2)]
    [InlineData(2026, 3, 29, 1)] // the clocks go forward at 02:00 that day: midnight is still winter time
    public void een_datum_begint_om_middernacht_in_amsterdam(int jaar, int maand, int dag, int uurVoorUtc)
    {
        var begin = Kalender.Begin(new DateOnly(jaar, maand, dag));
        Assert.Equal(TimeSpan.FromHours(uurVoorUtc), begin.Offset);
        Assert.Equal(new DateOnly(jaar, maand, dag), Kalender.Datum(begin));
        Assert.Equal(new DateOnly(jaar, maand, dag).AddDays(-1), Kalender.Datum(begin.AddTicks(-1)));
    }
}
