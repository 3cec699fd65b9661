namespace RobuustOD.Subsidy.Regelingen;

/// <summary>The role that handles a scheme's requests and decides on them (and sets the scheme's versions).</summary>
public enum Eigenaar
{
    Odnl,
    Ienw,
}

/// <summary>
/// The rules of a scheme in one version. Almost none of them are public, so they are data: every rule that is null
/// (or an empty list) does not restrict, until the owner sets it.
/// </summary>
/// <param name="Plafond">The budget ceiling (subsidieplafond); null = unknown, nothing can be committed.</param>
/// <param name="OpenVan">First day requests may be submitted; null = no limit.</param>
/// <param name="OpenTot">Last day requests may be submitted; null = no limit.</param>
/// <param name="ActiviteitenUiterlijk">The last day an activity may end.</param>
/// <param name="MaximumPerOd">The most one OD may be granted under the scheme, over all its grants.</param>
/// <param name="Kostencategorieen">The eligible cost categories; empty = every category.</param>
/// <param name="BeslistermijnWeken">The decision period after submission, in weeks.</param>
/// <param name="VoorschotPercentage">The share of the grant paid as advance at the decision.</param>
/// <param name="VerantwoordingUiterlijk">The last day for the accountability report.</param>
/// <param name="VierOgenVanaf">Grants above this amount need a second person of the owner's role.</param>
/// <param name="FusieOfOpsplitsingVereist">Only for an OD in a merger or split the register announced or completed.</param>
public sealed record Regels(
    string Naam,
    Eigenaar Eigenaar,
    decimal? Plafond,
    DateOnly? OpenVan,
    DateOnly? OpenTot,
    DateOnly? ActiviteitenUiterlijk,
    decimal? MaximumPerOd,
    IReadOnlyList<string> Kostencategorieen,
    int? BeslistermijnWeken,
    decimal? VoorschotPercentage,
    DateOnly? VerantwoordingUiterlijk,
    decimal? VierOgenVanaf,
    bool FusieOfOpsplitsingVereist)
{
    public bool IsOpenOp(DateOnly datum) => !(OpenVan > datum) && !(OpenTot < datum);
}

/// <summary>A version of a scheme was set (the first one creates it). A request keeps the version it was submitted under.</summary>
public sealed record RegelingVastgesteld(string Code, int Versie, Regels Regels, DateTimeOffset Op);

public sealed record RegelingVersie(int Versie, Regels Regels, DateTimeOffset Op);

/// <summary>A scheme: its own stream (<see cref="StreamKey"/>) holding every version, kept as an inline snapshot.</summary>
public sealed class Regeling
{
    public const string Pattern = @"^[a-z][a-z0-9-]{1,39}\z";

    /// <summary>The stream key; the prefix keeps it apart from OD codes, which have no hyphen.</summary>
    public static string StreamKey(string code) => "regeling-" + code;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Code { get; set; } = "";

    public List<RegelingVersie> Versies { get; set; } = [];

    public RegelingVersie Huidige => Versies[^1];

    public static Regeling Create(RegelingVastgesteld e) => new()
    {
        Id = StreamKey(e.Code),
        Code = e.Code,
        Versies = [new RegelingVersie(e.Versie, e.Regels, e.Op)],
    };

    public void Apply(RegelingVastgesteld e) => Versies.Add(new RegelingVersie(e.Versie, e.Regels, e.Op));
}
