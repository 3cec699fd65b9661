using RobuustOD.Domain;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Registry.Features;

/// <summary>
/// Complete an announced merger: the deelnemers are dissolved on the ingangsdatum, the opvolger
/// enters the register from that date, and any Seveso designation moves to the opvolger.
/// All streams change in one transaction.
/// </summary>
public static class VoltooiFusie
{
    public static async Task<AangekondigdeFusie> Handle(string opvolger, IDocumentSession session, CancellationToken ct)
    {
        var fusie = (await Fusies.DeelnemersAsync(session, opvolger, ct)).Fusie();
        if (fusie.Status != FusieStatus.Aangekondigd)
        {
            throw DomainRuleException.Conflict($"De fusie naar '{opvolger}' is al {fusie.Status.ToString().ToLowerInvariant()}.");
        }

        var seveso = new List<string>();
        foreach (var code in fusie.Deelnemers)
        {
            var stream = await session.Events.FetchForWriting<Omgevingsdienst>(code, ct);
            var od = stream.Aggregate!;
            if (od.Fusie is not { Status: FusieStatus.Aangekondigd } eigen || !eigen.IsZelfde(fusie))
            {
                throw DomainRuleException.Conflict($"Omgevingsdienst '{code}' is intussen van deze fusie afgeweken.");
            }

            if (od.LopendeSevesoAanwijzing is { } aanwijzing)
            {
                seveso.AddRange(aanwijzing.Provincies);
                stream.AppendOne(new SevesoIngetrokken(fusie.Ingangsdatum));
            }

            stream.AppendOne(new FusieVoltooid(opvolger, fusie.Ingangsdatum));
        }

        var nieuw = new List<object>
        {
            new OmgevingsdienstGeregistreerd(fusie.Opvolger, fusie.OpvolgerNaam, fusie.OpvolgerProvincies,
                fusie.OpvolgerAantalDeelnemers, fusie.Ingangsdatum, fusie.Deelnemers),
        };
        if (seveso.Count > 0)
        {
            nieuw.Add(new SevesoAangewezen([.. seveso.Distinct()], fusie.Ingangsdatum));
        }

        session.Events.StartStream<Omgevingsdienst>(fusie.Opvolger, nieuw);
        await session.SaveChangesAsync(ct);
        return fusie with { Status = FusieStatus.Voltooid };
    }

    public static async Task<Ok<FusieResource>> Endpoint(string opvolger, [AsParameters] RegisterContext ctx) =>
        TypedResults.Ok(FusieResource.Van(await Handle(opvolger, ctx.Schrijven(), ctx.Ct), ctx.Api.BasePath));
}
