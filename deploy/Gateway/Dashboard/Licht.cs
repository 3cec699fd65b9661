namespace RobuustOD.Gateway.Dashboard;

/// <summary>
/// A traffic light as the dashboard shows it: always its word and its code next to the colour (WCAG 1.4.1: colour
/// is never the only carrier), with colours whose contrast against white text is at least 4.5:1.
/// </summary>
public static class Licht
{
    /// <summary>The colour of a feasibility score (1 green, 2 orange, 3 red), as the assessment defines them.</summary>
    public static string? KleurVan(int? haalbaarheid) => haalbaarheid switch
    {
        1 => "groen",
        2 => "oranje",
        3 => "rood",
        _ => null,
    };

    public static int Ernst(string? kleur) => kleur switch
    {
        "rood" => 3,
        "oranje" => 2,
        "groen" => 1,
        _ => 0,
    };

    public static string CssKlasse(string? kleur) => "licht licht-" + (kleur ?? "geen");

    public static string Tekst(string? kleur) => kleur ?? "niet gescoord";

    /// <summary>The colour as CSS, for the map (the same values as the stylesheet's).</summary>
    public static string Hex(string? kleur) => kleur switch
    {
        "groen" => "#1a7f37",
        "oranje" => "#b35900",
        "rood" => "#b42318",
        _ => "#6b7280",
    };

    /// <summary>The worst of several colours: red over orange over green; null when none is scored.</summary>
    public static string? Slechtste(IEnumerable<string?> kleuren) =>
        kleuren.Where(k => k is not null).OrderByDescending(Ernst).FirstOrDefault();

    /// <summary>The verdict as a colour, for the map's second measure.</summary>
    public static string? KleurVanOordeel(string? oordeel) => oordeel switch
    {
        "robuust" => "groen",
        "nietZelfstandigRobuust" => "oranje",
        "nietRobuust" => "rood",
        _ => null,
    };

    public static string OordeelTekst(string? oordeel) => oordeel switch
    {
        "robuust" => "robuust",
        "nietRobuust" => "niet robuust",
        "nietZelfstandigRobuust" => "niet zelfstandig robuust",
        _ => "geen oordeel",
    };
}
