namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>
/// When a judgement of insufficient progress (<c>onvoldoende</c>; a rule never fires on <c>voldoende</c>) of round
/// <see cref="Ronde"/> opens step <see cref="Stap"/>. <see cref="Uitkomsten"/> and <see cref="Eindresultaten"/> narrow the
/// trigger to these outcomes or final results; empty means any.
/// </summary>
public sealed record Escalatieregel(string Code, string Ronde, IReadOnlyList<string> Uitkomsten, IReadOnlyList<Eindresultaat> Eindresultaten,
    EscalatieStap Stap, string Omschrijving)
{
    public bool Geldt(string ronde, OordeelInhoud oordeel) =>
        oordeel.Voortgang == Voortgang.Onvoldoende
        && string.Equals(Ronde, ronde, StringComparison.Ordinal)
        && (Uitkomsten.Count == 0 || Uitkomsten.Contains(oordeel.Uitkomst, StringComparer.Ordinal))
        && (Eindresultaten.Count == 0 || (oordeel.RobuustOp1April2026 is { } r && Eindresultaten.Contains(r)));
}

public sealed record EscalatieregelsVersie(int Versie, IReadOnlyList<Escalatieregel> Regels, DateTimeOffset VastgesteldOp);

public sealed record EscalatieregelsVastgesteld(int Versie, IReadOnlyList<Escalatieregel> Regels, DateTimeOffset Op);

/// <summary>The escalation rules with all their versions, one stream (<see cref="StreamKey"/>); a version applies to judgements after it.</summary>
public sealed class Escalatieregels
{
    public const string StreamKey = "regels-escalatie";

    public string Id { get; set; } = StreamKey;

    public long Version { get; set; }

    public List<EscalatieregelsVersie> Versies { get; set; } = [];

    public EscalatieregelsVersie? Huidig => Versies.Count == 0 ? null : Versies[^1];

    public static Escalatieregels Create(EscalatieregelsVastgesteld e)
    {
        var r = new Escalatieregels();
        r.Apply(e);
        return r;
    }

    public void Apply(EscalatieregelsVastgesteld e) => Versies.Add(new EscalatieregelsVersie(e.Versie, e.Regels, e.Op));
}
