namespace RobuustOD.Assessment.Dossiers;

/// <summary>The verdict on a plan: will the OD be robust on 1 April 2026, and on its own?</summary>
public enum Oordeel
{
    Robuust,
    NietRobuust,
    NietZelfstandigRobuust,
}

public enum BeoordelingStatus
{
    /// <summary>Draft: visible to IenW and the assessor only.</summary>
    Concept,
    Gepubliceerd,
}

/// <summary>
/// One row of the annex. <c>StaatInPva</c> keeps the annex's raw code (1 = missing from the plan, 0 = present,
/// null = not scored); <c>Haalbaarheid</c> is the traffic light for 1 April 2026 (1 green, 2 orange, 3 red, null).
/// </summary>
public sealed record CriteriumScore(int Nummer, int CriteriumVersie, string? SpecifiekeVraag, string? Maatregel, string? Duiding,
    IReadOnlyList<string> Bronnen, int? StaatInPva, int? Haalbaarheid);

public sealed record BeoordelingInhoud(Oordeel? Oordeel, IReadOnlyList<string> Tekortkomingen, DateOnly? GesprekOp, string? Opmerkingen,
    string? Geadresseerde, IReadOnlyList<CriteriumScore> Criteria)
{
    public static readonly BeoordelingInhoud Leeg = new(null, [], null, null, null, []);

    public BeoordelingInhoud MetScore(CriteriumScore score) =>
        this with { Criteria = [.. Criteria.Where(c => c.Nummer != score.Nummer).Append(score).OrderBy(c => c.Nummer)] };
}

public sealed record BeoordelingVersie(int Versie, BeoordelingInhoud Inhoud, string Door, DateTimeOffset Op, string? Reden);

/// <summary>A plan of approach in the OD's dossier; <c>IngediendDoor</c> is the OD that filed a joint plan the others consented to.</summary>
public sealed record PlanVanAanpak(Guid Id, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp, string Versie, PlanDocument Document,
    string? IngediendDoor = null);

/// <summary>A joint plan an OD filed that still waits for the consent of some of the ODs it names; not yet part of the dossier.</summary>
public sealed record PlanInAfwachting(PlanVanAanpak Plan, IReadOnlyList<string> Ingestemd)
{
    /// <summary>The named ODs that have not consented yet, in the plan's order.</summary>
    public IReadOnlyList<string> WachtOp => [.. Plan.Omgevingsdiensten.Where(c => !Ingestemd.Contains(c, StringComparer.Ordinal))];
}

/// <summary>
/// One OD's assessment in one round: a draft until published, then a list of versions. <see cref="AantalGebeurtenissen"/>
/// counts the events about this assessment only: it is the assessment's ETag, so that a plan registered or another
/// round scored on the same dossier stream does not make a client's If-Match on this assessment stale.
/// </summary>
public sealed record Beoordeling(string Ronde, Guid? PlanId, BeoordelingStatus Status, BeoordelingInhoud Concept,
    IReadOnlyList<BeoordelingVersie> Versies, DateTimeOffset AangemaaktOp, long AantalGebeurtenissen)
{
    public BeoordelingVersie? Huidige => Versies.Count > 0 ? Versies[^1] : null;

    /// <summary>What is shown: the current version once published, the draft before.</summary>
    public BeoordelingInhoud Inhoud => Huidige?.Inhoud ?? Concept;
}

/// <summary>
/// An OD's dossier in the assessment process: its plans of approach, the joint plans that wait for consent (filed by
/// this OD, or naming it), and its assessments per round.
/// </summary>
public sealed class Beoordelingsdossier
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public IReadOnlyList<PlanVanAanpak> Plannen { get; set; } = [];

    /// <summary>Joint plans that wait for consent: not part of the dossier, not usable for an assessment.</summary>
    public IReadOnlyList<PlanInAfwachting> PlannenInAfwachting { get; set; } = [];

    public IReadOnlyDictionary<string, Beoordeling> Beoordelingen { get; set; } = new Dictionary<string, Beoordeling>();

    public static Beoordelingsdossier Create(PlanVanAanpakGeregistreerd e) => new Beoordelingsdossier().Met(e);

    public static Beoordelingsdossier Create(BeoordelingAangemaakt e) => new Beoordelingsdossier().Met(e);

    public static Beoordelingsdossier Create(GezamenlijkPlanIngediend e) => new Beoordelingsdossier().Met(e);

    public void Apply(PlanVanAanpakGeregistreerd e) => Met(e);

    public void Apply(GezamenlijkPlanIngediend e) => Met(e);

    public void Apply(InstemmingGegeven e) => PlannenInAfwachting =
    [
        .. PlannenInAfwachting.Select(p => p.Plan.Id == e.PlanId && !p.Ingestemd.Contains(e.Omgevingsdienst, StringComparer.Ordinal)
            ? p with { Ingestemd = [.. p.Ingestemd, e.Omgevingsdienst] }
            : p),
    ];

    public void Apply(GezamenlijkPlanVastgesteld e)
    {
        if (InAfwachting(e.PlanId) is { } afwachting)
        {
            PlannenInAfwachting = [.. PlannenInAfwachting.Where(p => p.Plan.Id != e.PlanId)];
            Plannen = [.. Plannen, afwachting.Plan];
        }
    }

    public void Apply(BeoordelingAangemaakt e) => Met(e);

    public void Apply(CriteriumGescoord e) => Wijzig(e.Ronde, b => b with { Concept = b.Concept.MetScore(e.Score) });

    public void Apply(OordeelVastgelegd e) => Wijzig(e.Ronde, b => b with
    {
        Concept = b.Concept with
        {
            Oordeel = e.Oordeel, Tekortkomingen = e.Tekortkomingen, GesprekOp = e.GesprekOp, Opmerkingen = e.Opmerkingen,
            Geadresseerde = e.Geadresseerde,
        },
    });

    public void Apply(BeoordelingGepubliceerd e) => Wijzig(e.Ronde, b => b with
    {
        Status = BeoordelingStatus.Gepubliceerd,
        Versies = [new BeoordelingVersie(e.Versie, e.Inhoud, e.Door, e.Op, null)],
    });

    public void Apply(BeoordelingHerzien e) => Wijzig(e.Ronde, b => b with
    {
        Versies = [.. b.Versies, new BeoordelingVersie(e.Versie, e.Inhoud, e.Door, e.Op, e.Reden)],
    });

    // Derived notices: the revision itself carries the new content, but they are events about this assessment too.
    public void Apply(OordeelHerzien e) => Wijzig(e.Ronde, b => b);

    public void Apply(HaalbaarheidGewijzigd e) => Wijzig(e.Ronde, b => b);

    public Beoordeling? In(string ronde) => Beoordelingen.GetValueOrDefault(ronde);

    /// <summary>The plan with this id in the dossier, or null (also while it waits for consent).</summary>
    public PlanVanAanpak? Plan(Guid planId) => Plannen.FirstOrDefault(p => p.Id == planId);

    /// <summary>The joint plan with this id that waits for consent, or null.</summary>
    public PlanInAfwachting? InAfwachting(Guid planId) => PlannenInAfwachting.FirstOrDefault(p => p.Plan.Id == planId);

    /// <summary>The version (ETag) of the assessment of <paramref name="ronde"/>; 0 while it does not exist.</summary>
    public long VersieVan(string ronde) => In(ronde)?.AantalGebeurtenissen ?? 0;

    private Beoordelingsdossier Met(PlanVanAanpakGeregistreerd e)
    {
        Plannen = [.. Plannen, new PlanVanAanpak(e.PlanId, e.Omgevingsdiensten, e.OntvangenOp, e.Versie, e.Document)];
        return this;
    }

    private Beoordelingsdossier Met(GezamenlijkPlanIngediend e)
    {
        var plan = new PlanVanAanpak(e.PlanId, e.Omgevingsdiensten, e.OntvangenOp, e.Versie, e.Document, e.IngediendDoor);
        PlannenInAfwachting = [.. PlannenInAfwachting, new PlanInAfwachting(plan, [e.IngediendDoor])];
        return this;
    }

    private Beoordelingsdossier Met(BeoordelingAangemaakt e)
    {
        Beoordelingen = new Dictionary<string, Beoordeling>(Beoordelingen)
        {
            [e.Ronde] = new Beoordeling(e.Ronde, e.PlanId, BeoordelingStatus.Concept, BeoordelingInhoud.Leeg, [], e.Op, 1),
        };
        return this;
    }

    private void Wijzig(string ronde, Func<Beoordeling, Beoordeling> wijziging)
    {
        var gewijzigd = wijziging(Beoordelingen[ronde]);
        Beoordelingen = new Dictionary<string, Beoordeling>(Beoordelingen)
        {
            [ronde] = gewijzigd with { AantalGebeurtenissen = gewijzigd.AantalGebeurtenissen + 1 },
        };
    }
}
