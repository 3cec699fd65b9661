using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// Requests, filtered by scheme, OD and status. An OD sees its own only, ODNL those under the schemes it owns, IenW all;
/// the list is what the caller may see, so a filter on someone else's OD gives an empty list, not a hint.
/// </summary>
public static class ZoekAanvragen
{
    public sealed record Parameters([FromQuery(Name = "regeling")] string? Regeling, [FromQuery(Name = "omgevingsdienst")] string? Omgevingsdienst,
        [FromQuery(Name = "status")] string? Status)
    {
        /// <summary>The status filter as the JSON spells it (camelCase, e.g. <c>informatieGevraagd</c>).</summary>
        public static IReadOnlyList<string> Statussen { get; } =
            [.. Enum.GetValues<AanvraagStatus>().Select(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString()))];

        public AanvraagStatus? GekozenStatus => Status is null ? null : Enum.Parse<AanvraagStatus>(Status, ignoreCase: true);
    }

    public sealed class Validator : AbstractValidator<Parameters>
    {
        public Validator()
        {
            RuleFor(p => p.Regeling).Matches(Regeling.Pattern).When(p => p.Regeling is not null);
            RuleFor(p => p.Omgevingsdienst).GeldigeCode().When(p => p.Omgevingsdienst is not null);
            RuleFor(p => p.Status).Must(s => s is null || Parameters.Statussen.Contains(s, StringComparer.Ordinal))
                .WithMessage($"'status' is een van: {string.Join(", ", Parameters.Statussen)}.");
        }
    }

    public sealed record AanvragenResource(IReadOnlyList<AanvraagResource> Aanvragen);

    /// <summary>The requests the caller may see, with the filters applied, oldest first.</summary>
    public static async Task<IReadOnlyList<Aanvraag>> ZoekAsync(IQuerySession session, Gebruiker gebruiker, Parameters p, CancellationToken ct)
    {
        IQueryable<Aanvraag> query = session.Query<Aanvraag>();
        if (gebruiker.Rol == Roles.Od)
        {
            var eigen = gebruiker.Od ?? "";
            query = query.Where(a => a.Omgevingsdienst == eigen);
        }
        else if (gebruiker.Rol == Roles.Odnl)
        {
            query = query.Where(a => a.Behandelaar == Eigenaar.Odnl);
        }
        else if (gebruiker.Rol != Roles.Ienw)
        {
            return [];
        }

        if (p.Regeling is { } regeling)
        {
            query = query.Where(a => a.Regeling == regeling);
        }

        if (p.Omgevingsdienst is { } od)
        {
            query = query.Where(a => a.Omgevingsdienst == od);
        }

        if (p.GekozenStatus is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        return [.. (await query.ToListAsync(ct)).OrderBy(a => a.OpgesteldOp).ThenBy(a => a.AanvraagId, StringComparer.Ordinal)];
    }

    public static async Task<Ok<AanvragenResource>> Endpoint([AsParameters] Parameters p, [AsParameters] SubsidieContext ctx)
    {
        if (ctx.Gebruiker.Rol is not (Roles.Od or Roles.Odnl or Roles.Ienw))
        {
            throw DomainRuleException.Forbidden("IPO en VNG zien de totalen (regelingen, overzicht per omgevingsdienst en per criterium), geen aanvragen.");
        }

        var aanvragen = await ZoekAsync(ctx.Session, ctx.Gebruiker, p, ctx.Ct);
        return TypedResults.Ok(new AanvragenResource([.. aanvragen.Select(a => AanvraagResource.Van(a, ctx.Vandaag, ctx.Api))]));
    }
}
