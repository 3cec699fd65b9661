using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// A scheme's budget over time (ceiling, committed, paid, settled, released, claimed back, available), per day or per
/// month, from the budget stream's events: the day of a booking is the Amsterdam date on which it was stored. Everyone
/// who reads the budget reads its course (IPO and VNG included: totals, no requests).
/// </summary>
public static class HaalBudgetverloopOp
{
    public sealed record Parameters([FromQuery(Name = "per")] string? Per)
    {
        public Periodisering Periodisering => Per == "maand" ? Periodisering.Maand : Periodisering.Dag;
    }

    public sealed class Validator : AbstractValidator<Parameters>
    {
        public Validator() =>
            RuleFor(p => p.Per).Must(p => p is null or "dag" or "maand").WithMessage("'per' is 'dag' (standaard) of 'maand'.");
    }

    public sealed record BudgetverloopResource(string Regeling, string Per, IReadOnlyList<Budgetstand> Verloop);

    public static async Task<Ok<BudgetverloopResource>> Endpoint(string code, [AsParameters] Parameters p, [AsParameters] SubsidieContext ctx)
    {
        var regeling = await ctx.Session.Events.FetchLatest<Regeling>(Regeling.StreamKey(HaalRegelingOp.Controleer(code)), ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Regeling '{code}' bestaat niet.");
        var events = await ctx.Session.Events.FetchStreamAsync(Budget.StreamKey(regeling.Code), token: ctx.Ct);
        var verloop = Budgetverloop.Bereken(events.Select(e => (Kalender.Datum(e.Timestamp), e.Data)), p.Periodisering);
        var budget = await ctx.Session.Events.FetchLatest<Budget>(Budget.StreamKey(regeling.Code), ctx.Ct);
        if (budget is not null)
        {
            ctx.Http.Response.SetETag(budget.Version);
        }

        return TypedResults.Ok(new BudgetverloopResource(regeling.Code, p.Periodisering == Periodisering.Maand ? "maand" : "dag", verloop));
    }
}
