using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry.Features;

/// <summary>Announce that two or more ODs will merge into a new OD on an ingangsdatum.</summary>
public static class KondigFusieAan
{
    public sealed record Opvolger(string? Code, string? Naam, IReadOnlyList<string>? Provincies, int? AantalDeelnemers);

    public sealed record Verzoek(IReadOnlyList<string>? Deelnemers, Opvolger? Opvolger, DateOnly? Ingangsdatum, DateOnly? AangekondigdOp);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Deelnemers).NotNull().WithMessage("'deelnemers' is verplicht.")
                .Must(d => d is null || d.Count >= 2).WithMessage("Een fusie heeft minstens twee deelnemers.")
                .Must(d => d is null || d.Distinct().Count() == d.Count).WithMessage("'deelnemers' bevat een code dubbel.");
            RuleForEach(v => v.Deelnemers).GeldigeCode();
            RuleFor(v => v.Opvolger).NotNull().WithMessage("'opvolger' is verplicht.");
            When(v => v.Opvolger is not null, () =>
            {
                RuleFor(v => v.Opvolger!.Code).GeldigeCode()
                    .Must((v, code) => v.Deelnemers is null || !v.Deelnemers.Contains(code!))
                    .WithMessage("De opvolger moet een nieuwe omgevingsdienst zijn, geen deelnemer.");
                RuleFor(v => v.Opvolger!.Naam).NotEmpty().PlainText(200);
                RuleFor(v => v.Opvolger!.Provincies).GeldigeProvincies();
                RuleFor(v => v.Opvolger!.AantalDeelnemers).GreaterThan(0).LessThan(1000);
            });
            RuleFor(v => v.AangekondigdOp).NotNull().WithMessage("'aangekondigdOp' is verplicht.");
            RuleFor(v => v.Ingangsdatum).NotNull().WithMessage("'ingangsdatum' is verplicht.");
            RuleFor(v => v.Ingangsdatum).GreaterThanOrEqualTo(v => v.AangekondigdOp)
                .When(v => v.AangekondigdOp is not null && v.Ingangsdatum is not null)
                .WithMessage("'ingangsdatum' mag niet vóór 'aangekondigdOp' liggen.");
        }
    }

    public static async Task<AangekondigdeFusie> Handle(Verzoek v, IDocumentSession session, CancellationToken ct)
    {
        var opvolger = v.Opvolger!;
        if (await session.Events.FetchLatest<Omgevingsdienst>(opvolger.Code!, ct) is not null)
        {
            throw DomainRuleException.Conflict($"De opvolger '{opvolger.Code}' staat al in het register.");
        }

        if (await session.Query<Omgevingsdienst>().AnyAsync(o => o.Fusie!.Opvolger == opvolger.Code
                && o.Fusie.Status == FusieStatus.Aangekondigd, ct))
        {
            throw DomainRuleException.Conflict($"Er is al een fusie naar '{opvolger.Code}' aangekondigd.");
        }

        var aangekondigd = new FusieAangekondigd(opvolger.Code!, opvolger.Naam!.Trim(), opvolger.Provincies!,
            opvolger.AantalDeelnemers, v.Deelnemers!, v.Ingangsdatum!.Value, v.AangekondigdOp!.Value);
        foreach (var (code, index) in v.Deelnemers!.Select((c, i) => (c, i)))
        {
            var stream = await session.Events.FetchForWriting<Omgevingsdienst>(code, ct);
            var od = stream.Aggregate ?? throw DomainRuleException.Invalid($"deelnemers[{index}]",
                $"Omgevingsdienst '{code}' staat niet in het register.");
            stream.AppendOne(Beslis(od, aangekondigd));
        }

        await session.SaveChangesAsync(ct);
        return new Omgevingsdienst().Tap(o => o.Apply(aangekondigd)).Fusie!;
    }

    public static FusieAangekondigd Beslis(Omgevingsdienst od, FusieAangekondigd fusie)
    {
        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven en kan niet fuseren.");
        }

        if (od.HeeftLopendeFusie)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' heeft al een aangekondigde fusie naar '{od.Fusie!.Opvolger}'.");
        }

        if (od.OpgerichtOp >= fusie.Ingangsdatum || od.OpgerichtOp > fusie.AangekondigdOp)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' bestond nog niet op de aankondiging of ingangsdatum.");
        }

        return fusie;
    }

    public static async Task<Created<FusieResource>> Endpoint(Verzoek verzoek, [AsParameters] RegisterContext ctx)
    {
        var fusie = FusieResource.Van(await Handle(verzoek, ctx.Schrijven(), ctx.Ct), ctx.Api.BasePath);
        return TypedResults.Created(fusie.Links.Self.Href, fusie);
    }

    private static T Tap<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
