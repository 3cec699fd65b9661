using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Termijnen;

/// <summary>
/// Whether an OD's report of a round is overdue, decided per OD and round by the clock (<see cref="Verzuimbewaking"/>).
/// An OD is expected to report when the register knows it as active on the due date (established by then or with an
/// unknown founding date, not dissolved on it). Overdue: expected, the due date has passed (today is after it), and no
/// report was submitted. It is recorded once; a later submission does not lift it (the report is then late). When an
/// open overdue no longer holds without a submission (the due date moved to today or later, was cleared, or the OD is
/// no longer expected) it is lifted, and a later passing of the new due date records a new one.
/// </summary>
public static class Verzuimcontrole
{
    public const string Door = "systeem:verzuimbewaking";

    public static bool Verwacht(OmgevingsdienstUitRegister? od, DateOnly termijn) =>
        od is not null && !(od.OpgerichtOp > termijn) && !od.IsOpgehevenOp(termijn);

    public static IEnumerable<object> Beslis(Monitoringdossier? dossier, string code, Rapportageronde ronde, bool verwacht, DateOnly vandaag,
        DateTimeOffset nu)
    {
        var ingediend = dossier?.Rapportage(ronde.Ronde) is { Ingediend: true };
        var open = dossier?.VerzuimVan(ronde.Ronde) is { IsOpen: true } v ? v : null;
        var termijn = ronde.IndienenUiterlijk;
        var verzuimd = verwacht && !ingediend && termijn is { } t && vandaag > t;
        if (verzuimd && open is null)
        {
            return [new VoortgangsrapportageVerzuimd(code, ronde.Ronde, termijn!.Value, nu)];
        }

        if (!verzuimd && open is not null && !ingediend)
        {
            var reden = termijn switch
            {
                null => "De uiterste indieningsdatum is vervallen.",
                { } nieuw when vandaag <= nieuw => $"De uiterste indieningsdatum is verschoven naar {nieuw:yyyy-MM-dd}.",
                _ => "De omgevingsdienst hoefde op de uiterste indieningsdatum niet (meer) te rapporteren.",
            };
            return [new VerzuimOpgeheven(ronde.Ronde, open.IndienenUiterlijk, reden, nu)];
        }

        return [];
    }
}
