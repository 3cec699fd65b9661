using RobuustOD.Domain;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Aanvragen;

public enum AanvraagStatus
{
    Concept,
    Ingediend,
    InBehandeling,
    InformatieGevraagd,
    BesluitVoorgesteld,
    Verleend,
    Geweigerd,
    Verantwoord,
    Vastgesteld,
}

public sealed record Besluit(Uitkomst Uitkomst, decimal Bedrag, IReadOnlyList<decimal> PerActiviteit, string Motivering, string Door,
    string? TweedeBeoordelaar, DateTimeOffset Op);

public sealed record Opschorting(DateOnly Van, DateOnly? Tot);

public sealed record Informatieverzoek(string Vraag, DateTimeOffset GevraagdOp, string? Antwoord, DateTimeOffset? BeantwoordOp);

public sealed record Betaling(Betalingssoort Soort, decimal Bedrag, DateTimeOffset Op);

public sealed record Verantwoording(IReadOnlyList<decimal> GerealiseerdPerActiviteit, string? Toelichting, DateTimeOffset Op);

public sealed record Vaststelling(decimal Bedrag, decimal Vrijgevallen, string Motivering, DateTimeOffset Op);

public sealed record Bezwaar(string Gronden, DateTimeOffset IngediendOp, BezwaarUitkomst? Uitkomst, string? Motivering, DateTimeOffset? BeslistOp);

/// <summary>
/// A subsidy request, its own stream (<see cref="StreamKey"/>), from draft to settlement, kept as an inline snapshot.
/// From submission on it carries the scheme's rules of that moment: a later version of the scheme does not change it.
/// </summary>
public sealed class Aanvraag
{
    public const string IdPattern = @"^[0-9a-f]{32}\z";

    /// <summary>The stream key; a request id is 32 hex digits, the prefix keeps it apart from every OD code.</summary>
    public static string StreamKey(string id) => "aanvraag-" + id;

    /// <summary>Six weeks (Awb 6:7): the period for an objection after the decision.</summary>
    public const int BezwaartermijnDagen = 42;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string AanvraagId { get; set; } = "";

    public string Regeling { get; set; } = "";

    public string Omgevingsdienst { get; set; } = "";

    /// <summary>The owner of the scheme, who handles the request (from submission: that of the version it was submitted under).</summary>
    public Eigenaar Behandelaar { get; set; }

    public List<Activiteit> Activiteiten { get; set; } = [];

    public List<Cofinanciering> Cofinanciering { get; set; } = [];

    public List<Documentverwijzing> Documenten { get; set; } = [];

    public AanvraagStatus Status { get; set; }

    public DateTimeOffset OpgesteldOp { get; set; }

    public DateTimeOffset? IngediendOp { get; set; }

    public int? RegelingVersie { get; set; }

    public Regels? Regels { get; set; }

    public decimal AangevraagdBedrag { get; set; }

    public List<Opschorting> Opschortingen { get; set; } = [];

    public List<Informatieverzoek> Informatieverzoeken { get; set; } = [];

    public BesluitVoorgesteld? Voorstel { get; set; }

    public Besluit? Besluit { get; set; }

    public List<Betaling> Betalingen { get; set; } = [];

    public Verantwoording? Verantwoording { get; set; }

    public Vaststelling? Vaststelling { get; set; }

    public decimal? Terugvordering { get; set; }

    public Bezwaar? Bezwaar { get; set; }

    /// <summary>What the grant commits now (0 when refused or not decided).</summary>
    public decimal Verleend => Besluit is { Uitkomst: Uitkomst.Verleend } b ? b.Bedrag : 0;

    public decimal Betaald => Betalingen.Sum(b => b.Bedrag);

    public static Aanvraag Create(AanvraagOpgesteld e) => new()
    {
        Id = StreamKey(e.Id),
        AanvraagId = e.Id,
        Regeling = e.Regeling,
        Behandelaar = e.Behandelaar,
        Omgevingsdienst = e.Omgevingsdienst,
        Activiteiten = [.. e.Activiteiten],
        Cofinanciering = [.. e.Cofinanciering],
        Documenten = [.. e.Documenten],
        Status = AanvraagStatus.Concept,
        OpgesteldOp = e.Op,
        AangevraagdBedrag = e.Activiteiten.Sum(a => a.Bedrag),
    };

    public void Apply(AanvraagGewijzigd e)
    {
        Activiteiten = [.. e.Activiteiten];
        Cofinanciering = [.. e.Cofinanciering];
        Documenten = [.. e.Documenten];
        AangevraagdBedrag = e.Activiteiten.Sum(a => a.Bedrag);
    }

    public void Apply(AanvraagIngediend e)
    {
        Status = AanvraagStatus.Ingediend;
        IngediendOp = e.Op;
        RegelingVersie = e.RegelingVersie;
        Regels = e.Regels;
        Behandelaar = e.Regels.Eigenaar;
        AangevraagdBedrag = e.AangevraagdBedrag;
    }

    public void Apply(AanvraagInBehandelingGenomen e) => Status = AanvraagStatus.InBehandeling;

    public void Apply(InformatieGevraagd e)
    {
        Status = AanvraagStatus.InformatieGevraagd;
        Informatieverzoeken.Add(new Informatieverzoek(e.Vraag, e.Op, null, null));
        Opschortingen.Add(new Opschorting(Kalender.Datum(e.Op), null));
    }

    public void Apply(InformatieAangeleverd e)
    {
        Status = AanvraagStatus.InBehandeling;
        Informatieverzoeken[^1] = Informatieverzoeken[^1] with { Antwoord = e.Antwoord, BeantwoordOp = e.Op };
        Opschortingen[^1] = Opschortingen[^1] with { Tot = Kalender.Datum(e.Op) };
        Documenten.AddRange(e.Documenten);
    }

    public void Apply(BesluitVoorgesteld e)
    {
        Status = AanvraagStatus.BesluitVoorgesteld;
        Voorstel = e;
    }

    public void Apply(AanvraagVerleend e)
    {
        Status = AanvraagStatus.Verleend;
        Voorstel = null;
        Besluit = new Besluit(Uitkomst.Verleend, e.Bedrag, e.PerActiviteit, e.Motivering, e.Door, e.TweedeBeoordelaar, e.Op);
    }

    public void Apply(AanvraagGeweigerd e)
    {
        Status = AanvraagStatus.Geweigerd;
        Voorstel = null;
        Besluit = new Besluit(Uitkomst.Geweigerd, 0, [], e.Motivering, e.Door, e.TweedeBeoordelaar, e.Op);
    }

    public void Apply(BetalingGedaan e) => Betalingen.Add(new Betaling(e.Soort, e.Bedrag, e.Op));

    public void Apply(VerantwoordingIngediend e)
    {
        Status = AanvraagStatus.Verantwoord;
        Verantwoording = new Verantwoording(e.GerealiseerdPerActiviteit, e.Toelichting, e.Op);
    }

    public void Apply(SubsidieVastgesteld e)
    {
        Status = AanvraagStatus.Vastgesteld;
        Vaststelling = new Vaststelling(e.Bedrag, e.Vrijgevallen, e.Motivering, e.Op);
    }

    public void Apply(TerugvorderingVastgesteld e) => Terugvordering = e.Bedrag;

    public void Apply(BezwaarIngediend e) => Bezwaar = new Bezwaar(e.Gronden, e.Op, null, null, null);

    public void Apply(BezwaarBeslist e)
    {
        Bezwaar = Bezwaar! with { Uitkomst = e.Uitkomst, Motivering = e.Motivering, BeslistOp = e.Op };
        if (e.NieuwBedrag is { } bedrag && Besluit is { } besluit)
        {
            Besluit = besluit with
            {
                Uitkomst = bedrag > 0 ? Uitkomst.Verleend : Uitkomst.Geweigerd,
                Bedrag = bedrag,
                PerActiviteit = e.PerActiviteit,
                Motivering = e.Motivering,
                Op = e.Op,
            };
            Status = bedrag > 0 ? AanvraagStatus.Verleend : AanvraagStatus.Geweigerd;
        }
    }

    /// <summary>
    /// The last day of the decision period: the submission date plus the scheme's weeks, moved by every day it was
    /// suspended for a request for information (a suspension still open counts up to <paramref name="vandaag"/>).
    /// Null when the scheme sets no period or the request is not submitted.
    /// </summary>
    public DateOnly? BeslistermijnUiterlijk(DateOnly vandaag)
    {
        if (IngediendOp is not { } ingediend || Regels?.BeslistermijnWeken is not { } weken)
        {
            return null;
        }

        var opgeschort = Opschortingen.Sum(o => (o.Tot ?? vandaag).DayNumber - o.Van.DayNumber);
        return Kalender.Datum(ingediend).AddDays((weken * 7) + opgeschort);
    }

    public bool IsOpgeschort => Opschortingen.Count > 0 && Opschortingen[^1].Tot is null;

    /// <summary>The last day an objection can be made: six weeks after the day of the decision.</summary>
    public DateOnly? BezwaarUiterlijk => Besluit is { } b ? Kalender.Datum(b.Op).AddDays(BezwaartermijnDagen) : null;
}
