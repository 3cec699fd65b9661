namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>The twelve provinces, spelled as the register spells them.</summary>
public static class Provincies
{
    public static readonly IReadOnlyList<string> Alle =
    [
        "Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland",
        "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
    ];

    public static bool Bestaat(string? provincie) => provincie is not null && Alle.Contains(provincie, StringComparer.Ordinal);
}
