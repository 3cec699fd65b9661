using RobuustOD.Domain;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Rapportages;

public sealed record PlanningRegel(string Kwartaal, string Activiteit);

public sealed record VoortgangsrapportageAangemaakt(string Code, string Ronde, int FormatVersie);

/// <summary>The key figures as a whole (a PUT replaces them); null is "not known", never 0.</summary>
public sealed record KerngetallenIngevuld(string Ronde, IReadOnlyDictionary<string, decimal?> Waarden);

public sealed record CriteriumIngevuld(string Ronde, int Nummer, string? Maatregelen, IReadOnlyList<PlanningRegel> Planning,
    string? Risicos, int? Haalbaarheid);

public sealed record VoortgangsrapportageIngediend(string Ronde, string? Toelichting, DateTimeOffset Op);

public sealed record CriteriumRapportage(int Nummer, string? Maatregelen, IReadOnlyList<PlanningRegel> Planning, string? Risicos, int? Haalbaarheid);

public sealed class Voortgangsrapportage
{
    public string Ronde { get; set; } = "";

    public int FormatVersie { get; set; }

    public Dictionary<string, decimal?> Kerngetallen { get; set; } = [];

    public Dictionary<int, CriteriumRapportage> Criteria { get; set; } = [];

    public bool Ingediend { get; set; }

    public DateTimeOffset? IngediendOp { get; set; }

    public string? Toelichting { get; set; }

    /// <summary>The thresholds the submission froze (null while a draft: a draft follows the catalogue as it is now).</summary>
    public Drempelset? Drempels { get; set; }

    /// <summary>The due date as it was at submission, and the days late then (null: on time or no due date).</summary>
    public DateOnly? TermijnBijIndiening { get; set; }

    public int? DagenTeLaatBijIndiening { get; set; }

    /// <summary>The submitted versions: 1 is the submission, every correction adds one; the last is the current content.</summary>
    public List<RapportageVersie> Versies { get; set; } = [];

    public RapportageInhoud Inhoud => new(new(Kerngetallen), [.. Criteria.Values.OrderBy(c => c.Nummer)], Toelichting);

    public RapportageVersie? Versie(int versie) => Versies.FirstOrDefault(v => v.Versie == versie);
}

/// <summary>What a version of a report says: the key figures, the criteria, the explanation.</summary>
public sealed record RapportageInhoud(Dictionary<string, decimal?> Kerngetallen, List<CriteriumRapportage> Criteria, string? Toelichting);

/// <summary>One submitted version: who, when and why (<c>Reden</c> null for the submission itself).</summary>
public sealed record RapportageVersie(int Versie, string? Door, DateTimeOffset Op, string? Reden, RapportageInhoud Inhoud);

/// <summary>A due date that passed without a submitted report; lifted when the due date moves or the OD is no longer expected.</summary>
public sealed record Verzuim(DateOnly IndienenUiterlijk, DateTimeOffset VastgesteldOp, DateTimeOffset? OpgehevenOp, string? Reden)
{
    public bool IsOpen => OpgehevenOp is null;
}

/// <summary>An OD's monitoring dossier: one stream per OD, keyed by the OD code; its reports per round.</summary>
public sealed class Monitoringdossier
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public Dictionary<string, Voortgangsrapportage> Rapportages { get; set; } = [];

    /// <summary>Per round the last overdue recorded (open or lifted).</summary>
    public Dictionary<string, Verzuim> Verzuimen { get; set; } = [];

    public Voortgangsrapportage? Rapportage(string ronde) => Rapportages.GetValueOrDefault(ronde);

    public Verzuim? VerzuimVan(string ronde) => Verzuimen.GetValueOrDefault(ronde);

    public static Monitoringdossier Create(VoortgangsrapportageAangemaakt e)
    {
        var dossier = new Monitoringdossier { Id = e.Code };
        dossier.Apply(e);
        return dossier;
    }

    /// <summary>An OD that never opened a report can be overdue: the overdue starts its stream.</summary>
    public static Monitoringdossier Create(VoortgangsrapportageVerzuimd e)
    {
        var dossier = new Monitoringdossier { Id = e.Code };
        dossier.Apply(e);
        return dossier;
    }

    public void Apply(VoortgangsrapportageAangemaakt e) =>
        Rapportages[e.Ronde] = new Voortgangsrapportage { Ronde = e.Ronde, FormatVersie = e.FormatVersie };

    public void Apply(KerngetallenIngevuld e) => Rapportages[e.Ronde].Kerngetallen = new(e.Waarden);

    public void Apply(CriteriumIngevuld e) =>
        Rapportages[e.Ronde].Criteria[e.Nummer] = new CriteriumRapportage(e.Nummer, e.Maatregelen, e.Planning, e.Risicos, e.Haalbaarheid);

    public void Apply(VoortgangsrapportageIngediend e)
    {
        var rapportage = Rapportages[e.Ronde];
        rapportage.Ingediend = true;
        rapportage.IngediendOp = e.Op;
        rapportage.Toelichting = e.Toelichting;
        rapportage.Versies = [new RapportageVersie(1, null, e.Op, null, rapportage.Inhoud)];
    }

    public void Apply(IndieningVastgelegd e)
    {
        var rapportage = Rapportages[e.Ronde];
        rapportage.Drempels = e.Drempels;
        rapportage.TermijnBijIndiening = e.IndienenUiterlijk;
        rapportage.DagenTeLaatBijIndiening = e.DagenTeLaat;
        if (rapportage.Versies is [var eerste, ..])
        {
            rapportage.Versies[0] = eerste with { Door = e.Door };
        }
    }

    public void Apply(VoortgangsrapportageGecorrigeerd e)
    {
        var rapportage = Rapportages[e.Ronde];
        rapportage.Kerngetallen = new(e.Kerngetallen);
        rapportage.Criteria = e.Criteria.ToDictionary(c => c.Nummer);
        rapportage.Toelichting = e.Toelichting;
        rapportage.Versies.Add(new RapportageVersie(e.Versie, e.Door, e.Op, e.Reden, rapportage.Inhoud));
    }

    public void Apply(VoortgangsrapportageVerzuimd e) => Verzuimen[e.Ronde] = new Verzuim(e.IndienenUiterlijk, e.Op, null, null);

    public void Apply(VerzuimOpgeheven e)
    {
        if (Verzuimen.TryGetValue(e.Ronde, out var verzuim))
        {
            Verzuimen[e.Ronde] = verzuim with { OpgehevenOp = e.Op, Reden = e.Reden };
        }
    }
}

/// <summary>A report is addressed as <c>{code}-{ronde}</c> (OD codes have no hyphen), e.g. <c>ODG-voortgang1</c>.</summary>
public static class RapportageId
{
    public const string Pattern = "^" + OdCode.Fragment + "-" + Rapportageronde.Fragment + "\\z";

    public static string Van(string code, string ronde) => $"{code}-{ronde}";

    /// <summary>Splits a valid id; a malformed one is not found (404), as no report can have it.</summary>
    public static (string Code, string Ronde) Lees(string id) =>
        System.Text.RegularExpressions.Regex.IsMatch(id, Pattern)
            ? (id[..id.IndexOf('-', StringComparison.Ordinal)], id[(id.IndexOf('-', StringComparison.Ordinal) + 1)..])
            : throw DomainRuleException.NotFound($"Voortgangsrapportage '{Kort(id)}' bestaat niet.");

    private static string Kort(string id) => id.Length > 40 ? id[..40] + "..." : id;
}

/// <summary>The access rules on reports, shared by every report feature.</summary>
public static class Toegang
{
    /// <summary>An OD acts only for itself (403 otherwise); IenW (namens null) acts for any OD.</summary>
    public static void ControleerNamens(string? namensOd, string code)
    {
        if (namensOd is not null && namensOd != code)
        {
            throw DomainRuleException.Forbidden($"Dit token handelt namens {namensOd}, niet namens {code}.");
        }
    }

    /// <summary>IenW and the assessor read every report, an OD only its own, others only submitted ones.</summary>
    public static bool MagLezen(Lezer lezer, string code, Voortgangsrapportage rapportage) =>
        lezer.IsIenwOfBeoordelaar || (lezer.Od is not null ? lezer.Od == code : rapportage.Ingediend);
}
