using RobuustOD.Domain;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>Given-when-then helpers for judgement and escalation: the OD's second snapshot built as Marten builds it.</summary>
internal static class GegevenBijsturing
{
    public static readonly UitkomstcategorieenVersie Categorieen = new(1,
    [
        new("voldoetAanCriteria", "Voldoet aan de criteria", null),
        new("naarVerwachtingTijdigRobuust", "Naar verwachting tijdig robuust", null),
        new("onzeker", "Onzeker", null),
        new("nietTijdigHaalbaar", "Niet tijdig haalbaar", null),
    ], Gegeven.Ienw.Op);

    /// <summary>The rules of the seed letter (and the rule for the final round).</summary>
    public static readonly EscalatieregelsVersie Regels = new(1,
    [
        new("eersteRondeOnvoldoende", "voortgang1", [], [], EscalatieStap.BestuurlijkGesprek, "Bestuurlijk gesprek"),
        new("tweedeRondeOnvoldoende", "voortgang2", [], [], EscalatieStap.BesluitVerdergaandeMaatregelen, "Besluit verdergaande maatregelen"),
        new("eindrapportageNietRobuust", "eindrapportage", [], [Eindresultaat.Nee, Eindresultaat.NietZelfstandig], EscalatieStap.BesluitMaatregelen, "Besluit maatregelen"),
    ], Gegeven.Ienw.Op);

    public static Rapportageronde Ronde(string ronde) =>
        Rapportageronde.Create(new RapportagerondeAangemaakt(ronde, ronde == "eindrapportage" ? RondeSoort.Eindrapportage : RondeSoort.Voortgang,
            ronde, null, null, null, 1));

    public static Bijsturingsdossier Dossier(string code, params object[] events)
    {
        Bijsturingsdossier? d = null;
        foreach (var e in events)
        {
            if (d is null)
            {
                d = e is VoortgangsrapportageAangemaakt a ? Bijsturingsdossier.Create(a) : throw new ArgumentException("Starts with a report", nameof(events));
            }
            else
            {
                switch (e)
                {
                    case VoortgangsrapportageAangemaakt x: d.Apply(x); break;
                    case VoortgangsrapportageIngediend x: d.Apply(x); break;
                    case OordeelOntworpen x: d.Apply(x); break;
                    case VoortgangBeoordeeld x: d.Apply(x); break;
                    case EindresultaatVastgelegd x: d.Apply(x); break;
                    case EscalatieGeopend x: d.Apply(x); break;
                    case EscalatieGepland x: d.Apply(x); break;
                    case EscalatieAfgerond x: d.Apply(x); break;
                    default: throw new ArgumentException($"No Apply for {e.GetType().Name}", nameof(events));
                }
            }

            d.Version++;
        }

        return d!;
    }

    /// <summary>An OD with a submitted report for each of <paramref name="rondes"/>.</summary>
    public static Bijsturingsdossier Ingediend(string code, params string[] rondes) =>
        Dossier(code, [.. rondes.SelectMany(r => new object[] { new VoortgangsrapportageAangemaakt(code, r, 1), new VoortgangsrapportageIngediend(r, null, Gegeven.Ienw.Op) })]);

    /// <summary>The dossier after these events were decided on it.</summary>
    public static Bijsturingsdossier Na(Bijsturingsdossier d, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case OordeelOntworpen x: d.Apply(x); break;
                case VoortgangBeoordeeld x: d.Apply(x); break;
                case EindresultaatVastgelegd x: d.Apply(x); break;
                case EscalatieGeopend x: d.Apply(x); break;
                case EscalatieGepland x: d.Apply(x); break;
                case EscalatieAfgerond x: d.Apply(x); break;
                default: throw new ArgumentException($"No Apply for {e.GetType().Name}", nameof(events));
            }

            d.Version++;
        }

        return d;
    }

    public static BeoordeelVoortgang.Opdracht Oordeel(string code, string ronde, Voortgang voortgang, string uitkomst = "onzeker",
        Eindresultaat? eind = null, bool vaststellen = true) =>
        new(code, ronde, new OordeelInhoud(voortgang, uitkomst, "Toelichting", eind), vaststellen, vaststellen ? Gegeven.Ienw : new Handeling("beoordelaar", Gegeven.Ienw.Op), null);

    public static IReadOnlyList<object> Beoordeel(Bijsturingsdossier d, BeoordeelVoortgang.Opdracht o, EscalatieregelsVersie? regels = null) =>
        [.. BeoordeelVoortgang.Beslis(d, Ronde(o.Ronde), Categorieen, regels ?? Regels, o)];
}
