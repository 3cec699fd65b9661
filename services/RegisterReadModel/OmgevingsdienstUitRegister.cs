namespace RobuustOD.RegisterReadModel;

/// <summary>
/// A service's own copy of an OD as the register announced it, fed by the register's events, so the
/// service can check OD codes and follow mergers without calling the registry.
/// </summary>
public sealed class OmgevingsdienstUitRegister
{
    public string Id { get; set; } = "";

    public string Naam { get; set; } = "";

    public IReadOnlyList<string> Provincies { get; set; } = [];

    public int? AantalDeelnemers { get; set; }

    public DateOnly? OpgerichtOp { get; set; }

    public DateOnly? OpgehevenOp { get; set; }

    public IReadOnlyList<string> Voorgangers { get; set; } = [];

    public IReadOnlyList<string> Opvolgers { get; set; } = [];

    /// <summary>The successor of a merger the register announced with this OD as participant (null: none, or cancelled).</summary>
    public string? AangekondigdeFusie { get; set; }

    public IReadOnlyList<string> SevesoProvincies { get; set; } = [];

    public DateOnly? SevesoTot { get; set; }

    public bool? ZelftoetsRobuust { get; set; }

    /// <summary>When the register stored the last event applied here.</summary>
    public DateTimeOffset? BijgewerktOp { get; set; }

    public bool IsOpgehevenOp(DateOnly datum) => OpgehevenOp <= datum;

    public bool IsSevesoOp(DateOnly datum) => SevesoProvincies.Count > 0 && !(SevesoTot <= datum) && !IsOpgehevenOp(datum);
}
