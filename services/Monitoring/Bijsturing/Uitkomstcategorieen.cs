namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>An outcome a judgement gives an OD, e.g. <c>onzeker</c>.</summary>
public sealed record Uitkomstcategorie(string Code, string Naam, string? Omschrijving);

public sealed record UitkomstcategorieenVersie(int Versie, IReadOnlyList<Uitkomstcategorie> Categorieen, DateTimeOffset VastgesteldOp);

public sealed record UitkomstcategorieenVastgesteld(int Versie, IReadOnlyList<Uitkomstcategorie> Categorieen, DateTimeOffset Op);

/// <summary>The outcome categories with all their versions, one stream (<see cref="StreamKey"/>).</summary>
public sealed class Uitkomstcategorieen
{
    /// <summary>The hyphen keeps the key apart from every OD code.</summary>
    public const string StreamKey = "catalogus-uitkomstcategorieen";

    public string Id { get; set; } = StreamKey;

    public long Version { get; set; }

    public List<UitkomstcategorieenVersie> Versies { get; set; } = [];

    public UitkomstcategorieenVersie? Huidig => Versies.Count == 0 ? null : Versies[^1];

    public static Uitkomstcategorieen Create(UitkomstcategorieenVastgesteld e)
    {
        var c = new Uitkomstcategorieen();
        c.Apply(e);
        return c;
    }

    public void Apply(UitkomstcategorieenVastgesteld e) => Versies.Add(new UitkomstcategorieenVersie(e.Versie, e.Categorieen, e.Op));
}
