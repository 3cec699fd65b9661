using RobuustOD.Contracts.Beoordeling;

namespace RobuustOD.CatalogusReadModel;

/// <summary>
/// A service's own copy of the current version of a criterion, as the assessment announced it, fed by
/// <see cref="CriteriumVastgesteldV1"/>: which numbers exist, and a criterion's measurable threshold.
/// </summary>
public sealed class CriteriumUitCatalogus
{
    /// <summary>The criterion's number as text (Marten would assign an integer id itself).</summary>
    public string Id { get; set; } = "";

    public int Nummer { get; set; }

    public int Versie { get; set; }

    public string Titel { get; set; } = "";

    public DrempelV1? Drempel { get; set; }

    public DateTimeOffset VastgesteldOp { get; set; }

    public static string Sleutel(int nummer) => nummer.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
