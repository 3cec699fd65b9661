using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>
/// Complete an announced merger: the deelnemers are dissolved on the ingangsdatum, the opvolger
/// enters the register from that date, and any Seveso designation moves to the opvolger.
/// All streams change in one transaction.
/// </summary>
public static class VoltooiFusie
{
    /// <summary>No body. The merger has no version of its own (it spans the deelnemers' streams): no If-Match.</summary>
    public sealed record Opdracht(string Opvolger, Handeling Handeling);

    /// <summary>The events of one deelnemer of <paramref name="fusie"/> (the merger as the register lists it).</summary>
    public static IEnumerable<object> Beslis(Omgevingsdienst deelnemer, Opdracht o, AangekondigdeFusie fusie)
    {
        Fusies.ControleerLopend(deelnemer, fusie);
        if (deelnemer.LopendeSevesoAanwijzing is not null)
        {
            yield return new SevesoIngetrokken(fusie.Ingangsdatum);
        }

        yield return new FusieVoltooid(o.Opvolger, fusie.Ingangsdatum);
    }

    /// <summary>The events that start the opvolger's stream, from the deelnemers as they were before the merger.</summary>
    public static IEnumerable<object> BeslisOpvolger(IReadOnlyList<Omgevingsdienst> deelnemers, AangekondigdeFusie fusie)
    {
        yield return new OmgevingsdienstGeregistreerd(fusie.Opvolger, fusie.OpvolgerNaam, fusie.OpvolgerProvincies,
            fusie.OpvolgerAantalDeelnemers, fusie.Ingangsdatum, fusie.Deelnemers);
        var seveso = deelnemers.SelectMany(d => d.LopendeSevesoAanwijzing?.Provincies ?? []).Distinct().ToList();
        if (seveso.Count > 0)
        {
            yield return new SevesoAangewezen(seveso, fusie.Ingangsdatum);
        }
    }

    public static async Task<AangekondigdeFusie> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var fusie = (await Fusies.DeelnemersAsync(session, o.Opvolger, ct)).Fusie();
        var deelnemers = new List<Omgevingsdienst>();
        foreach (var code in fusie.Deelnemers)
        {
            var stream = await session.DecideAsync<Omgevingsdienst>(code, null, o.Handeling,
                od => Beslis(od.Bestaand(code), o, fusie), ct);
            deelnemers.Add(stream.Aggregate!);
        }

        // The opvolger's code taken since the announcement, in any case (the snapshot's unique index), fails the whole
        // merger at the save (409).
        session.Start<Omgevingsdienst>(fusie.Opvolger, o.Handeling, BeslisOpvolger(deelnemers, fusie));
        await session.SaveChangesAsync(ct);
        return (await session.HaalOpAsync(fusie.Deelnemers[0], ct)).Fusie!;
    }

    public static async Task<Ok<FusieResource>> Endpoint(string opvolger, [AsParameters] RegisterContext ctx) =>
        TypedResults.Ok(FusieResource.Van(await Handle(new Opdracht(opvolger, ctx.Handeling), ctx.Session, ctx.Ct), ctx.Api.BasePath));
}
