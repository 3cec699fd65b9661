using RobuustOD.Domain;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>The judgement of one round: IenW's (vastgesteld) and the assessor's draft, either may be absent.</summary>
public sealed class Oordeel
{
    public string Ronde { get; set; } = "";

    public OordeelInhoud? Concept { get; set; }

    public string? ConceptDoor { get; set; }

    public DateTimeOffset? ConceptOp { get; set; }

    public OordeelInhoud? Vastgesteld { get; set; }

    public string? VastgesteldDoor { get; set; }

    public DateTimeOffset? VastgesteldOp { get; set; }

    public int RegelsVersie { get; set; }

    /// <summary>How often IenW set it (a later judgement of the same round replaces the earlier one).</summary>
    public int Versie { get; set; }
}

public sealed class Escalatie
{
    public string Id { get; set; } = "";

    public string Ronde { get; set; } = "";

    public EscalatieStap Stap { get; set; }

    public EscalatieStatus Status { get; set; }

    public string Regel { get; set; } = "";

    public int RegelsVersie { get; set; }

    public DateTimeOffset GeopendOp { get; set; }

    public DateOnly? GeplandOp { get; set; }

    public string? Planningstoelichting { get; set; }

    public DateOnly? AfgerondOp { get; set; }

    public string? Uitkomst { get; set; }

    public string? Vervolg { get; set; }

    public string? Besluit { get; set; }
}

/// <summary>
/// The OD's judgements and escalation steps: a second snapshot of the OD's monitoring stream (keyed by the OD code),
/// beside <see cref="Monitoringdossier"/>. It applies the report events it needs (which reports exist and are
/// submitted) and its own. Collections are created on first use: Marten may build the snapshot from an event this
/// class has no <c>Create</c> for without running initialisers.
/// </summary>
public sealed class Bijsturingsdossier
{
    private Dictionary<string, bool>? _rapportages;
    private Dictionary<string, Oordeel>? _oordelen;
    private Dictionary<string, Escalatie>? _escalaties;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    /// <summary>Per round whether the OD's report is submitted.</summary>
    public Dictionary<string, bool> Rapportages { get => _rapportages ??= []; set => _rapportages = value; }

    public Dictionary<string, Oordeel> Oordelen { get => _oordelen ??= []; set => _oordelen = value; }

    public Dictionary<string, Escalatie> Escalaties { get => _escalaties ??= []; set => _escalaties = value; }

    public Eindresultaat? Eindresultaat { get; set; }

    public DateTimeOffset? EindresultaatOp { get; set; }

    public static Bijsturingsdossier Create(VoortgangsrapportageAangemaakt e)
    {
        var dossier = new Bijsturingsdossier { Id = e.Code };
        dossier.Apply(e);
        return dossier;
    }

    /// <remarks>Sets the id too: the stream may have started with an event this class has no <c>Create</c> for.</remarks>
    public void Apply(VoortgangsrapportageAangemaakt e)
    {
        Id = e.Code;
        Rapportages[e.Ronde] = false;
    }

    public void Apply(VoortgangsrapportageIngediend e) => Rapportages[e.Ronde] = true;

    public void Apply(OordeelOntworpen e)
    {
        var oordeel = OordeelVan(e.Ronde);
        oordeel.Concept = e.Inhoud;
        oordeel.ConceptDoor = e.Door;
        oordeel.ConceptOp = e.Op;
    }

    public void Apply(VoortgangBeoordeeld e)
    {
        var oordeel = OordeelVan(e.Ronde);
        oordeel.Vastgesteld = e.Inhoud;
        oordeel.VastgesteldDoor = e.Door;
        oordeel.VastgesteldOp = e.Op;
        oordeel.RegelsVersie = e.RegelsVersie;
        oordeel.Versie++;
        // The draft has been dealt with: IenW's judgement replaces it.
        oordeel.Concept = null;
        oordeel.ConceptDoor = null;
        oordeel.ConceptOp = null;
    }

    public void Apply(EindresultaatVastgelegd e)
    {
        Eindresultaat = e.Robuust;
        EindresultaatOp = e.Op;
    }

    public void Apply(EscalatieGeopend e) => Escalaties[e.Id] = new Escalatie
    {
        Id = e.Id, Ronde = e.Ronde, Stap = e.Stap, Status = EscalatieStatus.Open, Regel = e.Regel, RegelsVersie = e.RegelsVersie,
        GeopendOp = e.Op,
    };

    public void Apply(EscalatieGepland e)
    {
        var escalatie = Escalaties[e.Id];
        escalatie.Status = EscalatieStatus.Gepland;
        escalatie.GeplandOp = e.Datum;
        escalatie.Planningstoelichting = e.Toelichting;
    }

    public void Apply(EscalatieAfgerond e)
    {
        var escalatie = Escalaties[e.Id];
        escalatie.Status = EscalatieStatus.Afgerond;
        escalatie.AfgerondOp = e.Datum;
        escalatie.Uitkomst = e.Uitkomst;
        escalatie.Vervolg = e.Vervolg;
        escalatie.Besluit = e.Besluit;
    }

    private Oordeel OordeelVan(string ronde) => Oordelen.TryGetValue(ronde, out var o) ? o : Oordelen[ronde] = new Oordeel { Ronde = ronde };
}

/// <summary>An escalation step is addressed as <c>{code}-{ronde}-{stap}</c>, e.g. <c>ODG-voortgang1-bestuurlijkGesprek</c>.</summary>
public static class EscalatieId
{
    public const string Pattern = "^" + OdCode.Fragment + "-" + Rapportageronde.Fragment + "-[a-z][A-Za-z]{1,49}\\z";

    public static string Van(string code, string ronde, EscalatieStap stap) =>
        $"{code}-{ronde}-{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(stap.ToString())}";

    /// <summary>The OD of a valid id; a malformed one is not found (404), as no step can have it.</summary>
    public static string Od(string id) =>
        System.Text.RegularExpressions.Regex.IsMatch(id, Pattern)
            ? id[..id.IndexOf('-', StringComparison.Ordinal)]
            : throw DomainRuleException.NotFound($"Escalatie '{(id.Length > 60 ? id[..60] + "..." : id)}' bestaat niet.");
}
