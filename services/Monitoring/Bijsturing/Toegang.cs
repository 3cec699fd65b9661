using RobuustOD.Domain;

namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>
/// Who reads judgements and escalation. Escalation steps, conversations and decisions are not public: IenW and the
/// assessor read all, an OD only what names it, other roles nothing (403). A judgement IenW has set is readable like a
/// submitted report (also by ODNL, IPO and VNG, never by another OD); a draft only by IenW and the assessor.
/// </summary>
public static class BijsturingToegang
{
    public static bool MagOordeelLezen(Lezer lezer, string code) =>
        lezer.IsIenwOfBeoordelaar || lezer.Od is null || lezer.Od == code;

    /// <summary>Refuses roles that read no escalation data (403); returns the OD an <c>od</c> token is limited to.</summary>
    public static string? Beperking(Lezer lezer)
    {
        if (!lezer.IsIenwOfBeoordelaar && lezer.Od is null)
        {
            throw DomainRuleException.Forbidden("Escalaties, gesprekken en besluiten zijn alleen in te zien door IenW, de beoordelaar en de betrokken omgevingsdienst.");
        }

        return lezer.IsIenwOfBeoordelaar ? null : lezer.Od;
    }

    /// <summary>A filter on another OD than the token's own is 403.</summary>
    public static string? Filter(string? beperking, string? omgevingsdienst)
    {
        if (omgevingsdienst is not null)
        {
            OdCode.Controleer(omgevingsdienst, "omgevingsdienst");
        }

        if (beperking is not null && omgevingsdienst is not null && beperking != omgevingsdienst)
        {
            throw DomainRuleException.Forbidden($"Dit token leest alleen gegevens van {beperking}.");
        }

        return beperking ?? omgevingsdienst;
    }
}
