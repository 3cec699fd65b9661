using RobuustOD.CatalogusReadModel;
using RobuustOD.Contracts.Beoordeling;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.DecisionTests;

/// <summary>Given-when-then helpers: state built from events as Marten builds it (<c>Create</c>, then <c>Apply</c>).</summary>
internal static class Gegeven
{
    public static readonly Handeling Ienw = new("ienw", new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public static readonly IReadOnlyList<Kerngetal> Kerngetallen =
    [
        new("totaalFte", "Totaal aantal fte", Eenheid.Fte),
        new("fteVasteDienst", "Fte in vaste dienst", Eenheid.Fte),
        new("totaalBudget", "Totale begroting", Eenheid.Euro),
        new("innovatiebudget", "Innovatiebudget", Eenheid.Euro),
        new("loonsom", "Loonsom", Eenheid.Euro),
        new("opleidingsbudget", "Opleidingsbudget", Eenheid.Euro),
        new("biCapaciteitFte", "Capaciteit BI", Eenheid.Fte),
    ];

    public static readonly IReadOnlyList<MeetbaarCriterium> MeetbareCriteria =
    [
        new(7, "fteVasteDienst", "totaalFte"),
        new(10, "innovatiebudget", "totaalBudget"),
        new(17, "opleidingsbudget", "loonsom"),
        new(19, "biCapaciteitFte", null),
    ];

    /// <summary>The catalogue as seeds/beoordeling/criteria.json gives it for 7, 10, 17 and 19 (version 1 each).</summary>
    public static Dictionary<int, CriteriumUitCatalogus> Catalogus() => new()
    {
        [7] = Criterium(7, ">=", 80, "procent"),
        [10] = Criterium(10, ">", 1, "procent"),
        [17] = Criterium(17, ">", 3, "procent"),
        [19] = Criterium(19, ">", 3, "fte"),
    };

    public static CriteriumUitCatalogus Criterium(int nummer, string op, decimal waarde, string eenheid, int versie = 1) => new()
    {
        Id = nummer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Nummer = nummer,
        Versie = versie,
        Titel = $"Criterium {nummer}",
        Drempel = new DrempelV1($"Drempel van {nummer}", null, op, waarde, eenheid),
        VastgesteldOp = Ienw.Op,
    };

    public static Drempelset Drempels(IReadOnlyDictionary<int, CriteriumUitCatalogus>? catalogus = null) =>
        Drempelset.Uit(Formaat().Huidig!, catalogus ?? Catalogus());

    public static readonly IReadOnlyList<FormatCriterium> Criteria =
    [
        new(1, [Onderdeel.Maatregelen, Onderdeel.PlanningPerKwartaal, Onderdeel.Risicos, Onderdeel.Haalbaarheid]),
        new(7, [Onderdeel.Maatregelen, Onderdeel.PlanningPerKwartaal, Onderdeel.Risicos, Onderdeel.Haalbaarheid]),
        new(10, [Onderdeel.Maatregelen]),
        new(17, [Onderdeel.Maatregelen, Onderdeel.Haalbaarheid]),
        new(19, [Onderdeel.Maatregelen, Onderdeel.Haalbaarheid]),
    ];

    public static RapportageformatVastgesteld Editie1 => new(1, Criteria, Kerngetallen, MeetbareCriteria, Ienw.Op);

    public static Rapportageformat Formaat(params RapportageformatVastgesteld[] edities)
    {
        var eerste = edities.Length == 0 ? Editie1 : edities[0];
        var format = Rapportageformat.Create(eerste);
        format.Version = 1;
        foreach (var e in edities.Skip(1))
        {
            format.Apply(e);
            format.Version++;
        }

        return format;
    }

    public static Rapportageronde Ronde(string ronde = "voortgang1", DateOnly? uiterlijk = null, int formatVersie = 1)
    {
        var r = Rapportageronde.Create(new RapportagerondeAangemaakt(ronde, RondeSoort.Voortgang, "Eerste", null, null, uiterlijk, formatVersie));
        r.Version = 1;
        return r;
    }

    public static Monitoringdossier Dossier(string code, params object[] events)
    {
        Monitoringdossier? dossier = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case VoortgangsrapportageAangemaakt x when dossier is null: dossier = Monitoringdossier.Create(x); break;
                case VoortgangsrapportageAangemaakt x: dossier!.Apply(x); break;
                case KerngetallenIngevuld x: dossier!.Apply(x); break;
                case CriteriumIngevuld x: dossier!.Apply(x); break;
                case VoortgangsrapportageIngediend x: dossier!.Apply(x); break;
                case IndieningVastgelegd x: dossier!.Apply(x); break;
                case VoortgangsrapportageGecorrigeerd x: dossier!.Apply(x); break;
                case VoortgangsrapportageVerzuimd x when dossier is null: dossier = Monitoringdossier.Create(x); break;
                case VoortgangsrapportageVerzuimd x: dossier!.Apply(x); break;
                case VerzuimOpgeheven x: dossier!.Apply(x); break;
                default: throw new ArgumentException($"No Apply for {e.GetType().Name}", nameof(events));
            }

            dossier.Version++;
        }

        return dossier ?? throw new ArgumentException("A dossier starts with a report", nameof(events));
    }

    public static VoortgangsrapportageAangemaakt Aangemaakt(string code = "ODA", string ronde = "voortgang1") => new(code, ronde, 1);

    public static VoortgangsrapportageIngediend Ingediend(string ronde = "voortgang1") => new(ronde, null, Ienw.Op);

    public static IndieningVastgelegd Vastgelegd(string ronde = "voortgang1", Drempelset? drempels = null) =>
        new(ronde, "od-ODA", drempels ?? Drempels(), null, null);

    public static DomainRuleException Weigert(Func<IEnumerable<object>> beslis, int status, string? veld = null)
    {
        var fout = Assert.Throws<DomainRuleException>(() => beslis().ToList());
        Assert.Equal(status, fout.Status);
        if (veld is not null)
        {
            Assert.NotNull(fout.Errors);
            Assert.Contains(veld, fout.Errors!.Keys);
        }

        return fout;
    }
}
