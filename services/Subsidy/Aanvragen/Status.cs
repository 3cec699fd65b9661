namespace RobuustOD.Subsidy.Aanvragen;

public static class Status
{
    /// <summary>The status as a problem's detail names it.</summary>
    public static string Tekst(AanvraagStatus status) => status switch
    {
        AanvraagStatus.Concept => "een concept (nog niet ingediend)",
        AanvraagStatus.Ingediend => "ingediend",
        AanvraagStatus.InBehandeling => "in behandeling",
        AanvraagStatus.InformatieGevraagd => "in afwachting van gevraagde informatie",
        AanvraagStatus.BesluitVoorgesteld => "voorgesteld ter bekrachtiging door een tweede behandelaar",
        AanvraagStatus.Verleend => "verleend",
        AanvraagStatus.Geweigerd => "geweigerd",
        AanvraagStatus.Verantwoord => "verantwoord",
        AanvraagStatus.Vastgesteld => "vastgesteld",
        _ => status.ToString(),
    };

    public static bool IsInBehandeling(AanvraagStatus status) => status is AanvraagStatus.Ingediend or AanvraagStatus.InBehandeling;
}
