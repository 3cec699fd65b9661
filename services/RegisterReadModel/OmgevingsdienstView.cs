using RobuustOD.Domain;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.RegisterReadModel;

/// <summary>An OD as this service sees it; later it grows into the OD's summary in this service's process.</summary>
public static class OmgevingsdienstView
{
    public sealed record Omgevingsdienst(
        string Code,
        string Naam,
        IReadOnlyList<string> Provincies,
        string Status,
        DateOnly? OpgerichtOp,
        DateOnly? OpgehevenOp,
        IReadOnlyList<string> Voorgangers,
        IReadOnlyList<string> Opvolgers,
        bool Seveso,
        IReadOnlyList<string> SevesoProvincies,
        bool? ZelftoetsRobuust,
        DateTimeOffset? BijgewerktOp);

    public static RouteGroupBuilder MapOmgevingsdienstView(this RouteGroupBuilder api)
    {
        api.MapGet("/omgevingsdiensten/{code}", HaalOp)
            .RequireAuthorization(Policies.Ingelogd)
            .WithName("haalOmgevingsdienstOp")
            .WithSummary("Een omgevingsdienst zoals deze dienst hem kent uit het register (404 tot het register hem heeft gemeld)");
        return api;
    }

    private static async Task<Ok<Omgevingsdienst>> HaalOp(string code, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var od = await session.LoadAsync<OmgevingsdienstUitRegister>(code, ct)
            ?? throw DomainRuleException.NotFound($"Omgevingsdienst '{code}' is hier (nog) niet bekend.");
        var vandaag = clock.Vandaag();
        var seveso = od.IsSevesoOp(vandaag);
        return TypedResults.Ok(new Omgevingsdienst(od.Id, od.Naam, od.Provincies,
            od.IsOpgehevenOp(vandaag) ? "opgeheven" : od.OpgerichtOp > vandaag ? "toekomstig" : "actief",
            od.OpgerichtOp, od.OpgehevenOp, od.Voorgangers, od.Opvolgers, seveso, seveso ? od.SevesoProvincies : [],
            od.ZelftoetsRobuust, od.BijgewerktOp));
    }
}
