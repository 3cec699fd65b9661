namespace RobuustOD.Monitoring.Kamerrapportages;

/// <summary>
/// IenW froze the report of a period as it was sent to parliament: the content and its renderings exactly as sent,
/// so that what parliament received is served unchanged afterwards, whatever the data or the layout do later.
/// </summary>
public sealed record KamerrapportageVastgesteld(string Periode, int Versie, KamerrapportageInhoud Inhoud, string Markdown, string Html,
    string Csv, string? Toelichting, string Door, DateTimeOffset Op);

public sealed record VastgesteldeKamerrapportage(int Versie, KamerrapportageInhoud Inhoud, string Markdown, string Html, string Csv,
    string? Toelichting, string Door, DateTimeOffset Op);

/// <summary>A period's frozen reports (stream <see cref="Kamerperiode.StreamKey"/>); a later version follows a new draft.</summary>
public sealed class KamerrapportagePeriode
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public List<VastgesteldeKamerrapportage> Versies { get; set; } = [];

    public VastgesteldeKamerrapportage? Laatste => Versies.Count > 0 ? Versies[^1] : null;

    public static KamerrapportagePeriode Create(KamerrapportageVastgesteld e)
    {
        var periode = new KamerrapportagePeriode { Id = "kamerrapportage-" + e.Periode };
        periode.Apply(e);
        return periode;
    }

    public void Apply(KamerrapportageVastgesteld e) =>
        Versies.Add(new VastgesteldeKamerrapportage(e.Versie, e.Inhoud, e.Markdown, e.Html, e.Csv, e.Toelichting, e.Door, e.Op));
}
