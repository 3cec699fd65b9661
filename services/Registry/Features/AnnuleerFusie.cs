using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>Cancel an announced merger: the deelnemers stay as they are and are free for another merger.</summary>
public static class AnnuleerFusie
{
    public sealed record Verzoek(string? Reden);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Reden).PlainText(4000);
    }

    /// <summary>The merger has no version of its own (it spans the deelnemers' streams): no If-Match.</summary>
    public sealed record Opdracht(string Opvolger, string? Reden, Handeling Handeling)
    {
        public static Opdracht Van(string opvolger, Verzoek v, Handeling handeling) => new(opvolger, v.Reden, handeling);
    }

    /// <summary>The events of one deelnemer of <paramref name="fusie"/> (the merger as the register lists it).</summary>
    public static IEnumerable<object> Beslis(Omgevingsdienst deelnemer, Opdracht o, AangekondigdeFusie fusie)
    {
        Fusies.ControleerLopend(deelnemer, fusie);
        return [new FusieGeannuleerd(o.Opvolger, o.Reden)];
    }

    public static async Task<AangekondigdeFusie> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var fusie = (await Fusies.DeelnemersAsync(session, o.Opvolger, ct)).Fusie();
        foreach (var code in fusie.Deelnemers)
        {
            await session.DecideAsync<Omgevingsdienst>(code, null, o.Handeling, od => Beslis(od.Bestaand(code), o, fusie), ct);
        }

        await session.SaveChangesAsync(ct);
        return (await session.HaalOpAsync(fusie.Deelnemers[0], ct)).Fusie!;
    }

    public static async Task<Ok<FusieResource>> Endpoint(string opvolger, Verzoek verzoek, [AsParameters] RegisterContext ctx) =>
        TypedResults.Ok(FusieResource.Van(await Handle(Opdracht.Van(opvolger, verzoek, ctx.Handeling), ctx.Session, ctx.Ct), ctx.Api.BasePath));
}
