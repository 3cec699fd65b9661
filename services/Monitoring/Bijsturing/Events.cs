namespace RobuustOD.Monitoring.Bijsturing;

// Events of the judgement and escalation, on the OD's stream (keyed by the OD code) beside the report events.

public enum Voortgang
{
    Voldoende,
    Onvoldoende,
}

/// <summary>Whether the OD was robust on 1 April 2026, as IenW judges the final report.</summary>
public enum Eindresultaat
{
    Ja,
    Nee,
    NietZelfstandig,
}

/// <summary>The steps an escalation rule can open.</summary>
public enum EscalatieStap
{
    /// <summary>The minister's administrative conversation with the OD's owners.</summary>
    BestuurlijkGesprek,

    /// <summary>The minister's decision whether further measures are needed.</summary>
    BesluitVerdergaandeMaatregelen,

    /// <summary>A decision on measures for an OD that is not robust after the final round.</summary>
    BesluitMaatregelen,
}

public enum EscalatieStatus
{
    Open,
    Gepland,
    Afgerond,
}

/// <summary>The content of a judgement: a draft by the assessor, or the one IenW sets.</summary>
public sealed record OordeelInhoud(Voortgang Voortgang, string Uitkomst, string Toelichting, Eindresultaat? RobuustOp1April2026);

/// <summary>An assessor drafted the judgement of a submitted report; nothing follows from a draft.</summary>
public sealed record OordeelOntworpen(string Ronde, OordeelInhoud Inhoud, string Door, DateTimeOffset Op);

/// <summary>IenW judged a submitted report, under these versions of the rules and the outcome categories.</summary>
public sealed record VoortgangBeoordeeld(string Ronde, OordeelInhoud Inhoud, int RegelsVersie, int CategorieenVersie, string Door,
    DateTimeOffset Op);

/// <summary>IenW's judgement of the final report recorded whether the OD was robust on 1 April 2026.</summary>
public sealed record EindresultaatVastgelegd(string Ronde, Eindresultaat Robuust, DateTimeOffset Op);

/// <summary>A judgement matched an escalation rule: the step is open (once per OD, round and step).</summary>
public sealed record EscalatieGeopend(string Id, string Ronde, EscalatieStap Stap, string Regel, int RegelsVersie, DateTimeOffset Op);

public sealed record EscalatieGepland(string Id, DateOnly Datum, string? Toelichting);

/// <summary>The step was held or taken, with its outcome and follow-up; a decision on measures may close it.</summary>
public sealed record EscalatieAfgerond(string Id, DateOnly Datum, string Uitkomst, string? Vervolg, string? Besluit);
