namespace RobuustOD.Monitoring.Nulmetingen;

/// <summary>The published assessment's colour of one criterion, and the assessment version that set it.</summary>
public sealed record NulmetingKleur(int? Haalbaarheid, int Versie);

/// <summary>
/// The baseline of an OD: its published assessment of a round (e.g. 2024) as the assessment service announced it,
/// a copy kept from the <c>beoordeling</c> topic (one document per OD and assessment round, <c>{code}-{ronde}</c>).
/// It is another service's data, so a read model rather than events on the OD's stream; the inbox makes it
/// idempotent and the per-criterion version keeps a late or redelivered older event from rolling it back.
/// </summary>
public sealed class Nulmeting
{
    public string Id { get; set; } = "";

    public string Code { get; set; } = "";

    public string Ronde { get; set; } = "";

    public int Versie { get; set; }

    public string? Oordeel { get; set; }

    public Dictionary<int, NulmetingKleur> Criteria { get; set; } = [];

    public DateTimeOffset? BijgewerktOp { get; set; }

    public static string Sleutel(string code, string ronde) => $"{code}-{ronde}";

    public int? Kleur(int nummer) => Criteria.GetValueOrDefault(nummer)?.Haalbaarheid;
}
