namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// Independent, hand-checked reading of the annex ("Bijlage") of the 2024 letter of the State Secretary of IenW
/// to Omgevingsdienst Groningen: per row the criterion number, the "Staat in PvA" code (1 = missing from the plan,
/// 0 = present, null = not scored), the "Haalbaar voor 1-4-2026?" code (1 green, 2 orange, 3 red, null = not scored),
/// the sources as printed, and the beginning of the assessor's interpretation (duiding) and of the measure quoted
/// from the plan (maatregel; null when the cell is empty). "\uF0B7 " is the bullet as it appears in the text.
/// Rows with one code: 1 carries "Staat in PvA" only (the duiding says the item is missing, no source);
/// 9, 10, 16, 18 and 19 carry "Haalbaar" only (a source plus a duiding that says orange/red).
/// </summary>
internal static class OdgAnnexExpected
{
    public static readonly (int Nummer, int? StaatInPva, int? Haalbaarheid, string[] Bronnen, string DuidingBegin, string? MaatregelBegin)[] Rows =
    [
        (1, 1, null, [], "Een tijdsplanning per kwartaal ontbreekt", null),
        (4, 1, 3, [], "ODG schrijft niets over de governance", null),
        (7, 0, 3, ["PvA (blz 22)"], "De voglende items zullen ODG niet helpen", "We streven naar naar 80% medewerkers in"),
        (8, 0, 3, ["PvA (blz 27)"], "Het vermelden van een uitgangspunt zonder", "1. Samenvatting van de vastgestelde"),
        (9, null, 2, ["PvA (blz 18)"], "De stappen om te komen tot een innovatieagenda", "\uF0B7 We maken een innovatie-kalender op"),
        (10, null, 3, ["PvA (blz 18)"], "De vermelding, dat ODG \"Aanpassing in begroting", "\uF0B7 We maken een innovatie-kalender op"),
        (11, 1, 3, [], "ODG schrijft niets over uitbreiding van", null),
        (14, 1, 3, [], "ODG schrijft niet over een evntueel", null),
        (15, 0, 1, ["PvA (blz. 6)"], "ODG werkt intensief samen binnen het Seveso", "Landelijk zien we dat de beweging is"),
        (16, null, 3, ["PvA( blz 19)", "PvA( blz 22)"], "Met de vermelding van acties/wensen is er", "Medewerkers volgen scholing over"),
        (17, 1, 3, [], "ODG schrijft niets over de omvang van een", null),
        (18, null, 2, ["PvA( blz 18)"], "Het plan lijkt concreet genoeg, een planning", "\uF0B7 We werken de visie op datagestuurd"),
        (19, null, 2, ["PvA( blz 18)"], "Met de vermelding van minimaal 3 FTE", "We werken de visie op datagestuurd werken"),
        (20, 1, 3, [], "ODG schrijft niets over de congruentie en", null),
    ];
}
