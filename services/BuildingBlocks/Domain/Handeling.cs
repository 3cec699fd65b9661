namespace RobuustOD.Domain;

/// <summary>
/// Who performs a command and when: every command carries one, set at the edge from the token and the clock (or by
/// a seed as <c>seed</c>). The write helper stamps <see cref="Door"/> on every event it appends (the history's
/// "by whom"); a decision uses <see cref="Op"/> wherever the domain records a moment (e.g. a publication).
/// </summary>
public sealed record Handeling(string Door, DateTimeOffset Op)
{
    /// <summary>The Dutch calendar date of the act (see <see cref="Kalender"/>).</summary>
    public DateOnly Datum => Kalender.Datum(Op);
}
