using Marten;

namespace RobuustOD.Assessment.Criteria;

/// <summary>A measurable threshold of a criterion, e.g. at least 80 percent of FTE in permanent employment.</summary>
public sealed record Drempel(string Omschrijving, string? Grootheid, string Operator, decimal Waarde, string Eenheid);

/// <summary>
/// One version of a robustness criterion. Versions are never changed: a new edition adds a version,
/// and assessments keep pointing at the version they were scored against.
/// </summary>
public sealed class CriteriumVersie
{
    public string Id { get; set; } = "";

    public int Nummer { get; set; }

    public int Versie { get; set; }

    public string Titel { get; set; } = "";

    /// <summary>The ministry's standing question for this criterion, where known.</summary>
    public string? Vraag { get; set; }

    public Drempel? Drempel { get; set; }

    public string? Bron { get; set; }

    public DateTimeOffset VastgesteldOp { get; set; }

    public string VastgesteldDoor { get; set; } = "";

    public static string Sleutel(int nummer, int versie) => $"{nummer}.{versie}";
}

public static class Catalogus
{
    public const int HoogsteNummer = 99;

    /// <summary>The current version of every criterion (the catalogue holds a few dozen rows).</summary>
    public static async Task<IReadOnlyDictionary<int, CriteriumVersie>> HuidigeAsync(this IQuerySession session, CancellationToken ct)
    {
        var alle = await session.Query<CriteriumVersie>().ToListAsync(ct);
        return alle.GroupBy(c => c.Nummer).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Versie)!);
    }

    /// <summary>Every version's title: a row shows the title of the version it was scored against.</summary>
    public static async Task<IReadOnlyDictionary<(int Nummer, int Versie), string>> TitelsAsync(this IQuerySession session, CancellationToken ct) =>
        // Only the three fields, not the versions' texts and thresholds.
        (await session.Query<CriteriumVersie>().Select(c => new { c.Nummer, c.Versie, c.Titel }).ToListAsync(ct))
        .ToDictionary(c => (c.Nummer, c.Versie), c => c.Titel);

    public static async Task<IReadOnlyList<CriteriumVersie>> VersiesAsync(this IQuerySession session, int nummer, CancellationToken ct) =>
        [.. (await session.Query<CriteriumVersie>().Where(c => c.Nummer == nummer).ToListAsync(ct)).OrderBy(c => c.Versie)];
}

/// <summary>
/// Every criterion version's title, kept in process: versions are never changed, only added, so a title once read
/// stays right. When a row needs a version not seen yet (added since, by any instance) the titles are read again, in a
/// session of their own, so that a read served from memory opens none.
/// </summary>
public sealed class CriteriumTitels(IDocumentStore store)
{
    private IReadOnlyDictionary<(int Nummer, int Versie), string> _titels = new Dictionary<(int Nummer, int Versie), string>();

    public async ValueTask<IReadOnlyDictionary<(int Nummer, int Versie), string>> VoorAsync(
        IEnumerable<(int Nummer, int Versie)> nodig, CancellationToken ct)
    {
        var titels = Volatile.Read(ref _titels);
        if (nodig.All(titels.ContainsKey))
        {
            return titels;
        }

        await using var session = store.QuerySession();
        titels = await session.TitelsAsync(ct);
        Volatile.Write(ref _titels, titels);
        return titels;
    }
}
