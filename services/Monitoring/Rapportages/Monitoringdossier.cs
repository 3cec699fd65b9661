using RobuustOD.Domain;
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
}

/// <summary>An OD's monitoring dossier: one stream per OD, keyed by the OD code; its reports per round.</summary>
public sealed class Monitoringdossier
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public Dictionary<string, Voortgangsrapportage> Rapportages { get; set; } = [];

    public Voortgangsrapportage? Rapportage(string ronde) => Rapportages.GetValueOrDefault(ronde);

    public static Monitoringdossier Create(VoortgangsrapportageAangemaakt e)
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
