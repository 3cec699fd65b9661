using RobuustOD.Domain;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.DecisionTests;

/// <summary>Given-when-then helpers: state built from events as Marten builds it (<c>Create</c>, then <c>Apply</c>).</summary>
internal static class Gegeven
{
    public static readonly DateTimeOffset Nu = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static readonly Handeling Odnl = new("odnl", Nu);

    public static readonly Handeling OdG = new("od-ODG", Nu);

    public static readonly Gebruiker AlsOdnl = new("odnl", null);

    public static readonly Gebruiker AlsIenw = new("ienw", null);

    public static readonly Gebruiker AlsOdg = new("od", "ODG");

    public static Regels Regels(decimal? plafond = 7_000_000.00m) =>
        new("Robuustheidsbijdrage", Eigenaar.Odnl, plafond, null, null, null, null, [], null, null, null, null, false);

    public static Regeling Regeling(Regels? regels = null, string code = "robuustheidsbijdrage")
    {
        var r = Regelingen.Regeling.Create(new RegelingVastgesteld(code, 1, regels ?? Regels(), Nu));
        r.Version = 1;
        return r;
    }

    public static Budget Budget(decimal? plafond = 7_000_000.00m, params object[] boekingen) =>
        boekingen.Aggregate(Regelingen.Budget.Create(new BudgetGeopend("robuustheidsbijdrage", plafond)), Regelingen.Budget.Verwerk);

    public static Activiteit Activiteit(decimal bedrag, int criterium = 7, DateOnly? tot = null) =>
        new("Activiteit", [criterium], new DateOnly(2025, 1, 1), tot ?? new DateOnly(2025, 12, 31), [new Kostenregel("personeel", bedrag)]);

    public static AanvraagOpgesteld Opgesteld(params Activiteit[] activiteiten) =>
        new("0123456789abcdef0123456789abcdef", "robuustheidsbijdrage", Eigenaar.Odnl, "ODG",
            activiteiten.Length == 0 ? [Activiteit(1000.00m)] : activiteiten, [], [], Nu);

    public static AanvraagIngediend Ingediend(Regels? regels = null, decimal bedrag = 1000.00m, DateTimeOffset? op = null) =>
        new("robuustheidsbijdrage", "ODG", 1, regels ?? Regels(), bedrag, op ?? Nu);

    public static Aanvraag Aanvraag(AanvraagOpgesteld opgesteld, params object[] events)
    {
        var a = Aanvragen.Aanvraag.Create(opgesteld);
        a.Version = 1;
        foreach (var e in events)
        {
            switch (e)
            {
                case AanvraagGewijzigd x: a.Apply(x); break;
                case AanvraagIngediend x: a.Apply(x); break;
                case AanvraagInBehandelingGenomen x: a.Apply(x); break;
                case InformatieGevraagd x: a.Apply(x); break;
                case InformatieAangeleverd x: a.Apply(x); break;
                case BesluitVoorgesteld x: a.Apply(x); break;
                case AanvraagVerleend x: a.Apply(x); break;
                case AanvraagGeweigerd x: a.Apply(x); break;
                case BetalingGedaan x: a.Apply(x); break;
                case VerantwoordingIngediend x: a.Apply(x); break;
                case SubsidieVastgesteld x: a.Apply(x); break;
                case TerugvorderingVastgesteld x: a.Apply(x); break;
                case BezwaarIngediend x: a.Apply(x); break;
                case BezwaarBeslist x: a.Apply(x); break;
                default: throw new ArgumentException($"No Apply for {e.GetType().Name}", nameof(events));
            }

            a.Version++;
        }

        return a;
    }

    /// <summary>A submitted request of one activity of <paramref name="bedrag"/> under <paramref name="regels"/>.</summary>
    public static Aanvraag Ingediende(decimal bedrag = 1000.00m, Regels? regels = null) =>
        Aanvraag(Opgesteld(Activiteit(bedrag)), Ingediend(regels, bedrag));

    public static AanvraagVerleend Verleend(decimal bedrag, DateTimeOffset? op = null) => new(bedrag, [bedrag], "m", "odnl", null, op ?? Nu);

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
