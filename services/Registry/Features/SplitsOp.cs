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
/// Split an OD into two or more new ODs from an ingangsdatum, recorded in one transaction: the OD's dissolution and
/// every opvolger's registration commit together or not at all. A Seveso designation moves to the opvolger named in
/// <c>sevesoOpvolger</c>; without one it ends.
/// </summary>
public static class SplitsOp
{
    public sealed record Opvolger(string? Code, string? Naam, IReadOnlyList<string>? Provincies, int? AantalDeelnemers);

    public sealed record Verzoek(IReadOnlyList<Opvolger>? Opvolgers, DateOnly? Ingangsdatum, string? SevesoOpvolger);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Opvolgers).NotNull().WithMessage("'opvolgers' is verplicht.")
                .Must(o => o is null || o.Count >= 2).WithMessage("Een opsplitsing heeft minstens twee opvolgers.")
                .Must(o => o is null || o.Select(x => x?.Code).Distinct().Count() == o.Count).WithMessage("'opvolgers' bevat een code dubbel.")
                .Custom(NietAlleenInHoofdlettersVerschillend);
            RuleForEach(v => v.Opvolgers).NotNull().ChildRules(o =>
            {
                o.RuleFor(x => x.Code).GeldigeCode();
                o.RuleFor(x => x.Naam).NotEmpty().PlainText(200);
                o.RuleFor(x => x.Provincies).GeldigeProvincies();
                o.RuleFor(x => x.AantalDeelnemers).GreaterThan(0).LessThan(1000);
            });
            RuleFor(v => v.Ingangsdatum).NotNull().WithMessage("'ingangsdatum' is verplicht.");
            RuleFor(v => v.SevesoOpvolger)
                .Must((v, s) => s is null || (v.Opvolgers ?? []).Any(o => o?.Code == s))
                .WithMessage("'sevesoOpvolger' moet een van de opvolgers zijn.");
        }
    }

    /// <summary>Two opvolgers whose codes differ only in case (ODN, odn) would be one code twice: the later one is refused.</summary>
    private static void NietAlleenInHoofdlettersVerschillend(IReadOnlyList<Opvolger>? opvolgers, ValidationContext<Verzoek> context)
    {
        var codes = (opvolgers ?? []).Select(o => o?.Code).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes.Take(i).FirstOrDefault(eerder => OdCode.VerschiltAlleenInHoofdletters(eerder, codes[i])) is { } eerder)
            {
                context.AddFailure($"Opvolgers[{i}].Code",
                    $"'{codes[i]}' verschilt alleen in hoofdletters van opvolger '{eerder}'; codes zijn uniek ongeacht hoofdletters.");
            }
        }
    }

    /// <param name="SevesoOpvolger">The opvolger that continues a running Seveso designation; null: it ends.</param>
    public sealed record Opdracht(string Code, IReadOnlyList<NieuweOmgevingsdienst> Opvolgers, DateOnly Ingangsdatum,
        string? SevesoOpvolger, ExpectedVersion? Verwacht, Handeling Handeling)
    {
        public static Opdracht Van(string code, Verzoek v, ExpectedVersion? verwacht, Handeling handeling) =>
            new(code, [.. v.Opvolgers!.Select(o => new NieuweOmgevingsdienst(o.Code!, o.Naam!, o.Provincies!, o.AantalDeelnemers))],
                v.Ingangsdatum!.Value, v.SevesoOpvolger, verwacht, handeling);
    }

    /// <summary>The events of the OD that is split.</summary>
    /// <param name="bestaand">The codes, as registered, of the ODs in the register that are an opvolger's code regardless of case.</param>
    public static IEnumerable<object> Beslis(Omgevingsdienst od, Opdracht o, IReadOnlySet<string> bestaand)
    {
        foreach (var (opvolger, index) in o.Opvolgers.Select((x, i) => (x, i)))
        {
            if (bestaand.FirstOrDefault(b => OdCode.IsZelfde(b, opvolger.Code)) is { } code)
            {
                throw new DomainRuleException("Conflict met de huidige toestand", code == opvolger.Code
                        ? $"De opvolger '{opvolger.Code}' staat al in het register."
                        : $"De opvolger '{opvolger.Code}' staat al in het register als '{code}'; codes zijn uniek ongeacht hoofdletters.",
                    DomainRuleException.ConflictStatus, new Dictionary<string, string[]> { [$"opvolgers[{index}].code"] = ["Bestaat al."] });
            }
        }

        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is al opgeheven.");
        }

        if (od.HeeftLopendeFusie)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' heeft een aangekondigde fusie; annuleer die eerst.");
        }

        if (od.OpgerichtOp >= o.Ingangsdatum)
        {
            throw DomainRuleException.Invalid("ingangsdatum", "'ingangsdatum' ligt niet na de oprichting van de omgevingsdienst.");
        }

        if (od.LopendeSevesoAanwijzing is not null)
        {
            yield return new SevesoIngetrokken(o.Ingangsdatum);
        }

        yield return new Opgesplitst([.. o.Opvolgers.Select(x => x.Code)], o.Ingangsdatum);
    }

    /// <summary>The events that start one opvolger's stream, from the split OD as it was before the split.</summary>
    public static IEnumerable<object> BeslisOpvolger(Omgevingsdienst od, Opdracht o, NieuweOmgevingsdienst opvolger)
    {
        yield return new OmgevingsdienstGeregistreerd(opvolger.Code, opvolger.Naam.Trim(), opvolger.Provincies,
            opvolger.AantalDeelnemers, o.Ingangsdatum, [od.Id]);
        if (opvolger.Code == o.SevesoOpvolger && od.LopendeSevesoAanwijzing is { } seveso)
        {
            yield return new SevesoAangewezen([.. seveso.Provincies], o.Ingangsdatum);
        }
    }

    public static async Task<Omgevingsdienst> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var bestaand = new HashSet<string>(StringComparer.Ordinal);
        foreach (var opvolger in o.Opvolgers)
        {
            if (await session.ZoekCodeAsync(opvolger.Code, ct) is { } code)
            {
                bestaand.Add(code);
            }
        }

        var stream = await session.DecideAsync<Omgevingsdienst>(o.Code, o.Verwacht, o.Handeling,
            od => Beslis(od.Bestaand(o.Code), o, bestaand), ct);
        foreach (var opvolger in o.Opvolgers)
        {
            session.Start<Omgevingsdienst>(opvolger.Code, o.Handeling, BeslisOpvolger(stream.Aggregate!, o, opvolger));
        }

        // One save: an opvolger code taken since the check above (in any case: the snapshot's unique index) fails the
        // whole split (409), so the OD is never dissolved without its opvolgers, and the forwarder never sees a split
        // that did not happen.
        await session.SaveChangesAsync(ct);
        return await session.HaalOpAsync(o.Code, ct);
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx)
    {
        var od = await Handle(Opdracht.Van(code, verzoek, ctx.Verwacht, ctx.Handeling), ctx.Session, ctx.Ct);
        return TypedResults.Ok(ctx.Http.Response.MetETag(od, ctx.Vandaag, ctx.Api));
    }
}
