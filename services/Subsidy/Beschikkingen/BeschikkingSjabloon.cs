using Marten;

namespace RobuustOD.Subsidy.Beschikkingen;

/// <summary>
/// One version of the template of the decision letter (beschikking): Liquid (rendered with Fluid) producing Markdown.
/// Versions are never changed; a letter is rendered with the current one, an older one stays retrievable.
/// </summary>
public sealed class BeschikkingSjabloon
{
    /// <summary><c>beschikking.{versie}</c>.</summary>
    public string Id { get; set; } = "";

    public int Versie { get; set; }

    public string Onderwerp { get; set; } = "";

    public string Sjabloon { get; set; } = "";

    public DateTimeOffset VastgesteldOp { get; set; }

    public string VastgesteldDoor { get; set; } = "";

    public static string Sleutel(int versie) => $"beschikking.{versie}";
}

public static class BeschikkingSjablonen
{
    /// <summary>Every version, oldest first.</summary>
    public static async Task<IReadOnlyList<BeschikkingSjabloon>> VersiesAsync(this IQuerySession session, CancellationToken ct) =>
        [.. (await session.Query<BeschikkingSjabloon>().ToListAsync(ct)).OrderBy(s => s.Versie)];

    /// <summary>The current (highest) version, or null when there is none.</summary>
    public static async Task<BeschikkingSjabloon?> HuidigAsync(this IQuerySession session, CancellationToken ct) =>
        await session.VersiesAsync(ct) is { Count: > 0 } versies ? versies[^1] : null;
}
