using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// The OD as this service sees it: the register's data it follows (status, merger or split) and its subsidy summary:
/// per scheme its requests, what was requested, granted, paid, settled and claimed back. Totals are for every reader;
/// the list of requests only for those who may see them (the OD itself, the scheme's owner, IenW). Another OD: 403.
/// </summary>
public static class HaalSubsidieoverzichtOp
{
    public sealed record RegelingTotaal(string Regeling, int AantalAanvragen, int AantalVerleend, decimal Aangevraagd, decimal Verleend,
        decimal Betaald, decimal Vastgesteld, decimal Teruggevorderd);

    public sealed record AanvraagSamenvatting(string Id, string Regeling, AanvraagStatus Status, decimal AangevraagdBedrag, decimal? VerleendBedrag,
        decimal Betaald, Link Self);

    public sealed record SubsidieoverzichtResource(string Code, string Naam, string Status, DateOnly? OpgerichtOp, DateOnly? OpgehevenOp,
        IReadOnlyList<string> Voorgangers, IReadOnlyList<string> Opvolgers, bool Seveso, IReadOnlyList<string> SevesoProvincies,
        string? AangekondigdeFusie, DateTimeOffset? BijgewerktOp,
        IReadOnlyList<RegelingTotaal> Regelingen, IReadOnlyList<AanvraagSamenvatting>? Aanvragen);

    public static async Task<Ok<SubsidieoverzichtResource>> Endpoint(string code, [AsParameters] SubsidieContext ctx)
    {
        var gebruiker = ctx.Gebruiker;
        if (gebruiker.Od is { } eigen && eigen != code)
        {
            throw DomainRuleException.Forbidden($"Een omgevingsdienst ziet alleen zijn eigen subsidieoverzicht ({eigen}).");
        }

        var od = await ctx.Session.LoadAsync<OmgevingsdienstUitRegister>(code, ctx.Ct)
            ?? throw DomainRuleException.NotFound($"Omgevingsdienst '{code}' is hier (nog) niet bekend.");
        var aanvragen = (await ctx.Session.Query<Aanvraag>().Where(a => a.Omgevingsdienst == code).ToListAsync(ctx.Ct))
            .Where(a => a.Status != AanvraagStatus.Concept || gebruiker.Ziet(a)).OrderBy(a => a.OpgesteldOp).ToList();
        var totalen = aanvragen.GroupBy(a => a.Regeling).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegelingTotaal(g.Key, g.Count(), g.Count(a => a.Verleend > 0), g.Sum(a => a.AangevraagdBedrag), g.Sum(a => a.Verleend),
                g.Sum(a => a.Betaald), g.Sum(a => a.Vaststelling?.Bedrag ?? 0), g.Sum(a => a.Terugvordering ?? 0)))
            .ToList();
        var details = gebruiker.Rol is Roles.Od or Roles.Odnl or Roles.Ienw
            ? aanvragen.Where(gebruiker.Ziet).Select(a => new AanvraagSamenvatting(a.AanvraagId, a.Regeling, a.Status, a.AangevraagdBedrag,
                a.Besluit is null ? null : a.Verleend, a.Betaald, new Link($"{ctx.Api.BasePath}/aanvragen/{a.AanvraagId}"))).ToList()
            : null;
        var vandaag = ctx.Vandaag;
        return TypedResults.Ok(new SubsidieoverzichtResource(od.Id, od.Naam,
            od.IsOpgehevenOp(vandaag) ? "opgeheven" : od.OpgerichtOp > vandaag ? "toekomstig" : "actief",
            od.OpgerichtOp, od.OpgehevenOp, od.Voorgangers, od.Opvolgers, od.IsSevesoOp(vandaag), od.IsSevesoOp(vandaag) ? od.SevesoProvincies : [],
            od.AangekondigdeFusie, od.BijgewerktOp, totalen, details));
    }
}
