using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry.Features;

public static class AnnuleerFusie
{
    public sealed record Verzoek(string? Reden);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Reden).PlainText(4000);
    }

    public static async Task<AangekondigdeFusie> Handle(string opvolger, Verzoek v, IDocumentSession session, CancellationToken ct)
    {
        var fusie = (await Fusies.DeelnemersAsync(session, opvolger, ct)).Fusie();
        if (fusie.Status != FusieStatus.Aangekondigd)
        {
            throw DomainRuleException.Conflict($"De fusie naar '{opvolger}' is al {fusie.Status.ToString().ToLowerInvariant()}.");
        }

        foreach (var code in fusie.Deelnemers)
        {
            var stream = await session.Events.FetchForWriting<Omgevingsdienst>(code, ct);
            stream.AppendOne(new FusieGeannuleerd(opvolger, v.Reden));
        }

        await session.SaveChangesAsync(ct);
        return fusie with { Status = FusieStatus.Geannuleerd };
    }

    public static async Task<Ok<FusieResource>> Endpoint(string opvolger, Verzoek verzoek, [AsParameters] RegisterContext ctx) =>
        TypedResults.Ok(FusieResource.Van(await Handle(opvolger, verzoek, ctx.Schrijven(), ctx.Ct), ctx.Api.BasePath));
}
