using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>Per province the OD that does its Seveso tasks on the peildatum (null where none is designated).</summary>
public static class SevesoOverzicht
{
    public static async Task<Ok<Overzicht>> Endpoint(DateOnly? peildatum, [AsParameters] RegisterContext ctx)
    {
        var datum = peildatum ?? ctx.Vandaag;
        var alle = await ctx.Session.Query<Omgevingsdienst>().ToListAsync(ctx.Ct);
        var regels = Provincies.Alle.Select(p => new ProvincieSeveso(p, alle
                .Where(od => od.SevesoProvinciesOp(datum).Contains(p))
                .Select(od => new SevesoOd(od.Id, od.Naam)).FirstOrDefault()))
            .ToList();
        return TypedResults.Ok(new Overzicht(datum, regels));
    }
}
