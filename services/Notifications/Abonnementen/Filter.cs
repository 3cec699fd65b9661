namespace RobuustOD.Notifications.Abonnementen;

/// <summary>
/// A filter on an event's attributes, one condition per node: <c>subject</c> (the CloudEvent subject, exactly),
/// <c>source</c> (exactly), <c>omgevingsdienst</c> (an OD the event is about, see <see cref="Kenmerken"/>), or a
/// combination: <c>alle</c> (all of), <c>eenVan</c> (any of), <c>niet</c> (not). No expressions, no free SQL.
/// </summary>
public sealed record Filter(string? Subject = null, string? Source = null, string? Omgevingsdienst = null, IReadOnlyList<Filter>? Alle = null,
    IReadOnlyList<Filter>? EenVan = null, Filter? Niet = null)
{
    public const int MaxDiepte = 5;

    public const int MaxKnopen = 50;

    /// <summary>How many conditions this node sets (exactly one is valid).</summary>
    public int AantalVoorwaarden =>
        (Subject is null ? 0 : 1) + (Source is null ? 0 : 1) + (Omgevingsdienst is null ? 0 : 1)
        + (Alle is null ? 0 : 1) + (EenVan is null ? 0 : 1) + (Niet is null ? 0 : 1);

    public IEnumerable<Filter> Kinderen => (Alle ?? []).Concat(EenVan ?? []).Concat(Niet is null ? [] : [Niet]);

    public int Diepte => 1 + Kinderen.Select(k => k?.Diepte ?? 0).DefaultIfEmpty(0).Max();

    public int Knopen => 1 + Kinderen.Sum(k => k?.Knopen ?? 0);

    public bool Past(Kenmerken e) =>
        Subject is not null ? string.Equals(e.Subject, Subject, StringComparison.Ordinal)
        : Source is not null ? string.Equals(e.Source, Source, StringComparison.Ordinal)
        : Omgevingsdienst is not null ? e.Omgevingsdiensten.Contains(Omgevingsdienst, StringComparer.Ordinal)
        : Alle is not null ? Alle.All(f => f.Past(e))
        : EenVan is not null ? EenVan.Any(f => f.Past(e))
        : Niet is not null && !Niet.Past(e);
}

/// <summary>
/// What the filters and the role rules see of an event: its attributes and the ODs it is about (the subject when it is
/// an OD's stream, the <c>omgevingsdienst</c>, <c>omgevingsdiensten</c> or <c>deelnemers</c> in its data, and for a subsidy
/// request the OD and scheme of the request as its submission named them).
/// </summary>
public sealed record Kenmerken(string Type, string Topic, string Source, string? Subject, IReadOnlyList<string> Omgevingsdiensten, string? Regeling);
