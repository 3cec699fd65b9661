using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.DecisionTests;

/// <summary>The "given" of the decision tests: a dossier built from events the way Marten builds it, and the data around it.</summary>
public static class Given
{
    public const string Code = "ODG";
    public const string Ronde = "2024";
    public const string Id = "ODG-2024";

    public static readonly DateTimeOffset Moment = new(2024, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly Handeling Beoordelaar = new("beoordelaar", Moment);

    public static readonly Handeling Ienw = new("ienw", Moment.AddDays(1));

    public static readonly Guid PlanId = new("7f1c1c55-3b8e-4a0e-9d55-2f1a0c1b2d3e");

    /// <summary>The joint plan of <see cref="Ingediend"/>.</summary>
    public static readonly Guid GezamenlijkPlanId = new("0b6f3a2e-5c1d-4e7f-8a9b-1c2d3e4f5a6b");

    /// <summary>The dossier after <paramref name="events"/> (null without events: the stream does not exist).</summary>
    public static Beoordelingsdossier? Dossier(params object[] events)
    {
        Beoordelingsdossier? dossier = null;
        foreach (var e in events)
        {
            if (dossier is null)
            {
                dossier = e switch
                {
                    PlanVanAanpakGeregistreerd p => Beoordelingsdossier.Create(p),
                    BeoordelingAangemaakt a => Beoordelingsdossier.Create(a),
                    GezamenlijkPlanIngediend g => Beoordelingsdossier.Create(g),
                    _ => throw new ArgumentException($"A dossier does not start with {e.GetType().Name}."),
                };
                dossier.Id = Code;
                continue;
            }

            switch (e)
            {
                case PlanVanAanpakGeregistreerd x: dossier.Apply(x); break;
                case GezamenlijkPlanIngediend x: dossier.Apply(x); break;
                case InstemmingGegeven x: dossier.Apply(x); break;
                case GezamenlijkPlanVastgesteld x: dossier.Apply(x); break;
                case BeoordelingAangemaakt x: dossier.Apply(x); break;
                case CriteriumGescoord x: dossier.Apply(x); break;
                case OordeelVastgelegd x: dossier.Apply(x); break;
                case BeoordelingGepubliceerd x: dossier.Apply(x); break;
                case BeoordelingHerzien x: dossier.Apply(x); break;
                case OordeelHerzien x: dossier.Apply(x); break;
                case HaalbaarheidGewijzigd x: dossier.Apply(x); break;
                default: throw new ArgumentException($"Unknown event {e.GetType().Name}.");
            }
        }

        return dossier;
    }

    public static PlanVanAanpakGeregistreerd Plan(Guid? id = null, params string[] omgevingsdiensten) =>
        new(id ?? PlanId, omgevingsdiensten.Length > 0 ? omgevingsdiensten : [Code], new DateOnly(2024, 7, 1), "1",
            new PlanDocument("Plan van aanpak", null, null, null), "od-ODG");

    /// <summary>A joint plan that <paramref name="indiener"/> handed in for <paramref name="omgevingsdiensten"/>, waiting for the others' consent.</summary>
    public static GezamenlijkPlanIngediend Ingediend(string indiener, params string[] omgevingsdiensten) =>
        new(GezamenlijkPlanId, omgevingsdiensten, new DateOnly(2024, 7, 1), "1", new PlanDocument("Gezamenlijk plan", null, null, null), indiener,
            $"od-{indiener}");

    public static InstemmingGegeven Instemming(string omgevingsdienst) => new(GezamenlijkPlanId, omgevingsdienst, $"od-{omgevingsdienst}");

    public static BeoordelingAangemaakt Aangemaakt(string ronde = Ronde, Guid? plan = null) => new(ronde, plan, "beoordelaar", Moment);

    public static CriteriumScore Score(int nummer, int? haalbaarheid, int versie = 1, string duiding = "Duiding.", int? staatInPva = 0) =>
        new(nummer, versie, null, "Maatregel.", duiding, ["PvA (blz 1)"], staatInPva, haalbaarheid);

    public static CriteriumGescoord Gescoord(int nummer, int? haalbaarheid, string ronde = Ronde) =>
        new(ronde, Score(nummer, haalbaarheid), "beoordelaar");

    public static OordeelVastgelegd Beoordeeld(Oordeel? oordeel = Dossiers.Oordeel.NietZelfstandigRobuust, string ronde = Ronde) =>
        new(ronde, oordeel, ["Een tijdsplanning ontbreekt."], new DateOnly(2024, 11, 20), null, "heer Test", "beoordelaar");

    /// <summary>A publication of what the draft of <see cref="GepubliceerdeEvents"/> holds.</summary>
    public static BeoordelingGepubliceerd Gepubliceerd(BeoordelingInhoud inhoud, string ronde = Ronde) =>
        new(ronde, 1, inhoud, "ienw", Moment.AddDays(1));

    /// <summary>ODG-2024 published as version 1: rows 4 (red) and 7 (orange), verdict nietZelfstandigRobuust.</summary>
    public static object[] GepubliceerdeEvents()
    {
        object[] concept = [Aangemaakt(), Gescoord(4, 3), Gescoord(7, 2), Beoordeeld()];
        return [.. concept, Gepubliceerd(Dossier(concept)!.In(Ronde)!.Concept)];
    }

    public static CriteriumVersie Criterium(int nummer, int versie = 1) => new()
    {
        Id = CriteriumVersie.Sleutel(nummer, versie),
        Nummer = nummer,
        Versie = versie,
        Titel = $"Criterium {nummer} (versie {versie})",
        VastgesteldOp = Moment,
        VastgesteldDoor = "seed",
    };

    /// <summary>The catalogue's current versions: 1, 4 and 15 in version 1, 7 in version 2.</summary>
    public static IReadOnlyDictionary<int, CriteriumVersie> HuidigeCatalogus { get; } = new Dictionary<int, CriteriumVersie>
    {
        [1] = Criterium(1), [4] = Criterium(4), [7] = Criterium(7, 2), [15] = Criterium(15),
    };

    public static OmgevingsdienstUitRegister Od(string code = Code, bool? zelftoetsRobuust = null, DateOnly? opgehevenOp = null) => new()
    {
        Id = code,
        Naam = $"Omgevingsdienst {code}",
        Provincies = ["Groningen"],
        ZelftoetsRobuust = zelftoetsRobuust,
        OpgehevenOp = opgehevenOp,
    };

    public static IReadOnlyDictionary<string, OmgevingsdienstUitRegister> Register(params OmgevingsdienstUitRegister[] ods) =>
        ods.ToDictionary(o => o.Id, StringComparer.Ordinal);
}

/// <summary>Asserting a refusal: its status and the field it names.</summary>
public static class Weigering
{
    public static DomainRuleException Verwacht(int status, Action beslis, string? veld = null)
    {
        var fout = Assert.Throws<DomainRuleException>(beslis);
        Assert.Equal(status, fout.Status);
        if (veld is null)
        {
            Assert.Null(fout.Errors);
        }
        else
        {
            Assert.Equal([veld], fout.Errors!.Keys);
        }

        return fout;
    }

    /// <summary>Runs a decision to the end (its events are produced lazily by some), so that a refusal surfaces.</summary>
    public static Action Van(Func<IEnumerable<object>> beslis) => () => _ = beslis().ToList();
}
