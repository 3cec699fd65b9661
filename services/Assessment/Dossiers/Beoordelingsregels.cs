using RobuustOD.Domain;

namespace RobuustOD.Assessment.Dossiers;

/// <summary>The preconditions the assessment's decisions share: the assessment must exist, and be a draft or be published.</summary>
public static class Beoordelingsregels
{
    /// <summary>The assessment of <paramref name="ronde"/>, or 404.</summary>
    public static Beoordeling Bestaande(this Beoordelingsdossier? dossier, string code, string ronde) =>
        dossier?.In(ronde) ?? throw DomainRuleException.NotFound($"Beoordeling '{BeoordelingId.Van(code, ronde)}' bestaat niet.");

    /// <summary>The draft to change: it must exist, and once published changes go through a revision (409).</summary>
    public static Beoordeling Concept(this Beoordelingsdossier? dossier, string code, string ronde)
    {
        var beoordeling = dossier.Bestaande(code, ronde);
        return beoordeling.Status == BeoordelingStatus.Concept
            ? beoordeling
            : throw DomainRuleException.Conflict(
                $"Beoordeling '{BeoordelingId.Van(code, ronde)}' is gepubliceerd; wijzigen kan alleen met een herziening.");
    }
}
