using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>
/// Announce that two or more ODs will merge into a new OD on an ingangsdatum. The announcement is recorded on every
/// deelnemer's stream, in one transaction.
/// </summary>
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
                .Must(d => d is null || d.Distinct(OdCode.Comparer).Count() == d.Count).WithMessage("'deelnemers' bevat een code dubbel.");
            RuleForEach(v => v.Deelnemers).GeldigeCode();
            RuleFor(v => v.Opvolger).NotNull().WithMessage("'opvolger' is verplicht.");
            When(v => v.Opvolger is not null, () =>
            {
                RuleFor(v => v.Opvolger!.Code).GeldigeCode()
                    .Must((v, code) => v.Deelnemers is null || !v.Deelnemers.Contains(code!, OdCode.Comparer))
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

    /// <summary>A new merger has no version yet and the deelnemers are named, not addressed: no If-Match.</summary>
    public sealed record Opdracht(IReadOnlyList<string> Deelnemers, NieuweOmgevingsdienst Opvolger, DateOnly Ingangsdatum,
        DateOnly AangekondigdOp, Handeling Handeling)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling) => new(v.Deelnemers!,
            new NieuweOmgevingsdienst(v.Opvolger!.Code!, v.Opvolger.Naam!, v.Opvolger.Provincies!, v.Opvolger.AantalDeelnemers),
            v.Ingangsdatum!.Value, v.AangekondigdOp!.Value, handeling);
    }

    /// <summary>What the register knows about the opvolger's code beyond the deelnemers' own streams.</summary>
    /// <param name="InRegister">An OD with that code exists already.</param>
    /// <param name="AlAangekondigd">Another announced (not completed or cancelled) merger has that opvolger.</param>
    /// <param name="AndersGeschreven">The code, as written there, of an OD in the register or of an announced merger's
    /// opvolger that is the opvolger's code in other case (ODX for odx); null when there is none.</param>
    public sealed record OpvolgerStand(bool InRegister, bool AlAangekondigd, string? AndersGeschreven = null);

    /// <summary>The events of one deelnemer (null: not in the register), at <paramref name="index"/> in the command.</summary>
    public static IEnumerable<object> Beslis(Omgevingsdienst? deelnemer, int index, Opdracht o, OpvolgerStand opvolger)
    {
        if (opvolger.InRegister)
        {
            throw DomainRuleException.Conflict($"De opvolger '{o.Opvolger.Code}' staat al in het register.");
        }

        if (opvolger.AlAangekondigd)
        {
            throw DomainRuleException.Conflict($"Er is al een fusie naar '{o.Opvolger.Code}' aangekondigd.");
        }

        if (opvolger.AndersGeschreven is { } anders && OdCode.VerschiltAlleenInHoofdletters(anders, o.Opvolger.Code))
        {
            throw DomainRuleException.Conflict("opvolger.code",
                $"De opvolger '{o.Opvolger.Code}' bestaat al als '{anders}' (in het register of als opvolger van een aangekondigde fusie); codes zijn uniek ongeacht hoofdletters.");
        }

        var od = deelnemer ?? throw DomainRuleException.Invalid($"deelnemers[{index}]",
            $"Omgevingsdienst '{o.Deelnemers[index]}' staat niet in het register.");
        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is opgeheven en kan niet fuseren.");
        }

        if (od.HeeftLopendeFusie)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' heeft al een aangekondigde fusie naar '{od.Fusie!.Opvolger}'.");
        }

        if (od.OpgerichtOp >= o.Ingangsdatum || od.OpgerichtOp > o.AangekondigdOp)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' bestond nog niet op de aankondiging of ingangsdatum.");
        }

        return [new FusieAangekondigd(o.Opvolger.Code, o.Opvolger.Naam.Trim(), o.Opvolger.Provincies, o.Opvolger.AantalDeelnemers,
            o.Deelnemers, o.Ingangsdatum, o.AangekondigdOp)];
    }

    public static async Task<AangekondigdeFusie> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var nieuw = o.Opvolger.Code;
        var inRegister = await session.ZoekCodeAsync(nieuw, ct);
        var aangekondigd = await session.Query<Omgevingsdienst>()
            .Where(a => a.Fusie!.Opvolger.Equals(nieuw, StringComparison.OrdinalIgnoreCase) && a.Fusie.Status == FusieStatus.Aangekondigd)
            .Select(a => a.Fusie!.Opvolger).ToListAsync(ct);
        var opvolger = new OpvolgerStand(inRegister == nieuw, aangekondigd.Contains(nieuw),
            new[] { inRegister }.Concat(aangekondigd).FirstOrDefault(c => OdCode.VerschiltAlleenInHoofdletters(c, nieuw)));
        foreach (var (code, index) in o.Deelnemers.Select((c, i) => (c, i)))
        {
            await session.DecideAsync<Omgevingsdienst>(code, null, o.Handeling, od => Beslis(od, index, o, opvolger), ct);
        }

        // One save for all deelnemers: a concurrent announcement for one of them fails the whole announcement (409).
        await session.SaveChangesAsync(ct);
        return (await session.HaalOpAsync(o.Deelnemers[0], ct)).Fusie!;
    }

    public static async Task<Created<FusieResource>> Endpoint(Verzoek verzoek, [AsParameters] RegisterContext ctx)
    {
        var fusie = FusieResource.Van(await Handle(Opdracht.Van(verzoek, ctx.Handeling), ctx.Session, ctx.Ct), ctx.Api.BasePath);
        return TypedResults.Created(fusie.Links.Self.Href, fusie);
    }
}
