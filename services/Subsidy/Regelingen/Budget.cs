using RobuustOD.Domain;

namespace RobuustOD.Subsidy.Regelingen;

/// <summary>A scheme's budget was opened with its ceiling (null = unknown).</summary>
public sealed record BudgetGeopend(string Regeling, decimal? Plafond);

public sealed record PlafondGewijzigd(decimal? Plafond);

/// <summary>A grant committed money against the ceiling (a negative amount: an upheld objection lowered it).</summary>
public sealed record BudgetVerplicht(string Aanvraag, string Omgevingsdienst, decimal Bedrag);

/// <summary>Committed money that is not needed (a lower settlement) returns to the budget.</summary>
public sealed record BudgetVrijgevallen(string Aanvraag, string Omgevingsdienst, decimal Bedrag);

public sealed record BudgetBetaald(string Aanvraag, decimal Bedrag);

public sealed record BudgetVastgesteld(string Aanvraag, decimal Bedrag);

public sealed record BudgetTeruggevorderd(string Aanvraag, decimal Bedrag);

/// <summary>
/// The money of one scheme, its own stream (<see cref="StreamKey"/>): every commitment is appended here, so that
/// two decisions racing for the last euros are serialised on this one stream and the ceiling is never exceeded.
/// </summary>
public sealed class Budget
{
    public static string StreamKey(string regeling) => "budget-" + regeling;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Regeling { get; set; } = "";

    public decimal? Plafond { get; set; }

    /// <summary>Committed and not released: what the grants hold now.</summary>
    public decimal Verplicht { get; set; }

    public decimal Betaald { get; set; }

    public decimal Vastgesteld { get; set; }

    public decimal Vrijgevallen { get; set; }

    public decimal Teruggevorderd { get; set; }

    /// <summary>Committed per OD (for the per-OD maximum).</summary>
    public Dictionary<string, decimal> PerOmgevingsdienst { get; set; } = [];

    /// <summary>What can still be committed; null while the ceiling is unknown.</summary>
    public decimal? Beschikbaar => Plafond - Verplicht;

    public static Budget Create(BudgetGeopend e) => new() { Id = StreamKey(e.Regeling), Regeling = e.Regeling, Plafond = e.Plafond };

    public void Apply(PlafondGewijzigd e) => Plafond = e.Plafond;

    public void Apply(BudgetVerplicht e)
    {
        Verplicht += e.Bedrag;
        PerOmgevingsdienst[e.Omgevingsdienst] = PerOmgevingsdienst.GetValueOrDefault(e.Omgevingsdienst) + e.Bedrag;
    }

    public void Apply(BudgetVrijgevallen e)
    {
        Verplicht -= e.Bedrag;
        Vrijgevallen += e.Bedrag;
        PerOmgevingsdienst[e.Omgevingsdienst] = PerOmgevingsdienst.GetValueOrDefault(e.Omgevingsdienst) - e.Bedrag;
    }

    public void Apply(BudgetBetaald e) => Betaald += e.Bedrag;

    public void Apply(BudgetVastgesteld e) => Vastgesteld += e.Bedrag;

    public void Apply(BudgetTeruggevorderd e) => Teruggevorderd += e.Bedrag;

    /// <summary>
    /// Applies one stored event (as Marten's snapshot does with the methods above): for reading the budget as it was
    /// after each event (<see cref="Budgetverloop"/>). A budget that was not yet opened starts empty.
    /// </summary>
    public static Budget Verwerk(Budget? budget, object e)
    {
        if (e is BudgetGeopend geopend)
        {
            return Create(geopend);
        }

        budget ??= new Budget();
        switch (e)
        {
            case PlafondGewijzigd x: budget.Apply(x); break;
            case BudgetVerplicht x: budget.Apply(x); break;
            case BudgetVrijgevallen x: budget.Apply(x); break;
            case BudgetBetaald x: budget.Apply(x); break;
            case BudgetVastgesteld x: budget.Apply(x); break;
            case BudgetTeruggevorderd x: budget.Apply(x); break;
        }

        return budget;
    }

    public decimal VerplichtVoor(string omgevingsdienst) => PerOmgevingsdienst.GetValueOrDefault(omgevingsdienst);

    /// <summary>
    /// The commitment of a grant (or an increase by an upheld objection): only when it fits under the ceiling and the
    /// OD's maximum. A decision that does not fit is 409 with the amount still available, and commits nothing.
    /// </summary>
    public static IEnumerable<object> Verplichting(Budget budget, string aanvraag, string omgevingsdienst, decimal bedrag, decimal? maximumPerOd)
    {
        if (bedrag <= 0)
        {
            return bedrag == 0 ? [] : [new BudgetVerplicht(aanvraag, omgevingsdienst, bedrag)];
        }

        if (budget.Plafond is null)
        {
            throw DomainRuleException.Conflict("bedrag",
                $"Het subsidieplafond van regeling '{budget.Regeling}' is nog niet vastgesteld; er kan niets worden verleend.");
        }

        if (bedrag > budget.Beschikbaar)
        {
            throw DomainRuleException.Conflict("bedrag",
                $"Het bedrag {Geld.Tekst(bedrag)} past niet binnen het subsidieplafond van regeling '{budget.Regeling}': nog beschikbaar is {Geld.Tekst(budget.Beschikbaar!.Value)}.");
        }

        if (budget.VerplichtVoor(omgevingsdienst) + bedrag > maximumPerOd)
        {
            throw DomainRuleException.Conflict("bedrag",
                $"Het bedrag {Geld.Tekst(bedrag)} gaat boven het maximum per omgevingsdienst ({Geld.Tekst(maximumPerOd!.Value)}): aan {omgevingsdienst} is al {Geld.Tekst(budget.VerplichtVoor(omgevingsdienst))} verleend.");
        }

        return [new BudgetVerplicht(aanvraag, omgevingsdienst, bedrag)];
    }
}
