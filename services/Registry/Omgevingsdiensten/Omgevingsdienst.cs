using RobuustOD.Contracts.Register.Api;

namespace RobuustOD.Registry.Omgevingsdiensten;

// OmgevingsdienstStatus, FusieStatus and Zelftoets are the register's published vocabulary
// (RobuustOD.Contracts.Register.Api): the aggregate uses them as they are, so there is one definition and no
// mapping. A change to them changes the API, and shows as such in the committed openapi.json.

public sealed record SevesoAanwijzing(IReadOnlyList<string> Provincies, DateOnly? Van, DateOnly? Tot)
{
    public bool GeldtOp(DateOnly datum) => (Van is null || Van <= datum) && (Tot is null || datum < Tot);
}

public sealed record AangekondigdeFusie(
    string Opvolger,
    string OpvolgerNaam,
    IReadOnlyList<string> OpvolgerProvincies,
    int? OpvolgerAantalDeelnemers,
    IReadOnlyList<string> Deelnemers,
    DateOnly Ingangsdatum,
    DateOnly AangekondigdOp,
    FusieStatus Status)
{
    /// <summary>Records compare lists by reference; a merger is the same when its announcement is.</summary>
    public bool IsZelfde(AangekondigdeFusie other) => Opvolger == other.Opvolger && AangekondigdOp == other.AangekondigdOp
        && Ingangsdatum == other.Ingangsdatum && Deelnemers.SequenceEqual(other.Deelnemers);
}

/// <summary>
/// An omgevingsdienst as its stream tells it. Dates are effective dates, so the register
/// can answer "as it stood on" any peildatum.
/// </summary>
public sealed class Omgevingsdienst
{
    /// <summary>The OD code; also the stream key.</summary>
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Naam { get; set; } = "";

    public IReadOnlyList<string> Provincies { get; set; } = [];

    public int? AantalDeelnemers { get; set; }

    /// <summary>Null when the establishment date is not known: the OD predates the register's records.</summary>
    public DateOnly? OpgerichtOp { get; set; }

    public DateOnly? OpgehevenOp { get; set; }

    public IReadOnlyList<string> Voorgangers { get; set; } = [];

    public IReadOnlyList<string> Opvolgers { get; set; } = [];

    public IReadOnlyList<SevesoAanwijzing> SevesoAanwijzingen { get; set; } = [];

    public AangekondigdeFusie? Fusie { get; set; }

    public Zelftoets? Zelftoets { get; set; }

    public static Omgevingsdienst Create(OmgevingsdienstGeregistreerd e) => new()
    {
        Id = e.Code,
        Naam = e.Naam,
        Provincies = e.Provincies,
        AantalDeelnemers = e.AantalDeelnemers,
        OpgerichtOp = e.OpgerichtOp,
        Voorgangers = e.Voorgangers,
    };

    public void Apply(OmgevingsdienstGewijzigd e)
    {
        Naam = e.Naam;
        Provincies = e.Provincies;
        AantalDeelnemers = e.AantalDeelnemers;
    }

    public void Apply(SevesoAangewezen e) =>
        SevesoAanwijzingen = [.. SevesoAanwijzingen, new SevesoAanwijzing(e.Provincies, e.Ingangsdatum, null)];

    public void Apply(SevesoIngetrokken e) =>
        SevesoAanwijzingen = [.. SevesoAanwijzingen.Select(a => a.Tot is null ? a with { Tot = e.Einddatum } : a)];

    public void Apply(FusieAangekondigd e) => Fusie = new AangekondigdeFusie(e.Opvolger, e.OpvolgerNaam,
        e.OpvolgerProvincies, e.OpvolgerAantalDeelnemers, e.Deelnemers, e.Ingangsdatum, e.AangekondigdOp, FusieStatus.Aangekondigd);

    public void Apply(FusieVoltooid e)
    {
        Fusie = Fusie! with { Status = FusieStatus.Voltooid };
        OpgehevenOp = e.Ingangsdatum;
        Opvolgers = [e.Opvolger];
    }

    public void Apply(FusieGeannuleerd e) => Fusie = Fusie! with { Status = FusieStatus.Geannuleerd };

    public void Apply(Opgesplitst e)
    {
        OpgehevenOp = e.Ingangsdatum;
        Opvolgers = e.Opvolgers;
    }

    public void Apply(ZelftoetsVastgelegd e) => Zelftoets = new Zelftoets(e.Robuust, e.BeoordeeldOp, e.Toelichting);

    public OmgevingsdienstStatus StatusOp(DateOnly peildatum) =>
        OpgerichtOp > peildatum ? OmgevingsdienstStatus.Toekomstig
        : OpgehevenOp <= peildatum ? OmgevingsdienstStatus.Opgeheven
        : OmgevingsdienstStatus.Actief;

    /// <summary>The provinces for which this OD does the Seveso tasks on the peildatum (empty: not a Seveso-OD then).</summary>
    public IReadOnlyList<string> SevesoProvinciesOp(DateOnly peildatum) =>
        StatusOp(peildatum) == OmgevingsdienstStatus.Actief
            ? SevesoAanwijzingen.LastOrDefault(a => a.GeldtOp(peildatum))?.Provincies ?? []
            : [];

    public bool IsOpgeheven => OpgehevenOp is not null;

    public bool HeeftLopendeFusie => Fusie?.Status == FusieStatus.Aangekondigd;

    public SevesoAanwijzing? LopendeSevesoAanwijzing => SevesoAanwijzingen.LastOrDefault(a => a.Tot is null);
}
