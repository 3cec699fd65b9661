using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry.Features;

/// <summary>
/// Split an OD into two or more new ODs from an ingangsdatum, recorded in one step. A Seveso
/// designation moves to the opvolger named in <c>sevesoOpvolger</c>; without one it ends.
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
                .Must(o => o is null || o.Select(x => x?.Code).Distinct().Count() == o.Count).WithMessage("'opvolgers' bevat een code dubbel.");
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

    public static async Task<Omgevingsdienst> Handle(string code, Verzoek v, IDocumentSession session, HttpRequest? request, CancellationToken ct)
    {
        foreach (var (opvolger, index) in v.Opvolgers!.Select((o, i) => (o, i)))
        {
            if (await session.Events.FetchLatest<Omgevingsdienst>(opvolger.Code!, ct) is not null)
            {
                throw new DomainRuleException("Conflict met de huidige toestand", $"De opvolger '{opvolger.Code}' staat al in het register.",
                    StatusCodes.Status409Conflict, new Dictionary<string, string[]> { [$"opvolgers[{index}].code"] = ["Bestaat al."] });
            }
        }

        var seveso = Array.Empty<string>();
        var od = await session.BeslisAsync(code, request, od =>
        {
            seveso = [.. od.LopendeSevesoAanwijzing?.Provincies ?? []];
            return Beslis(od, v);
        }, ct);
        foreach (var opvolger in v.Opvolgers!)
        {
            session.Events.StartStream<Omgevingsdienst>(opvolger.Code!, Opvolgerevents(opvolger, v, code, seveso));
        }

        await session.SaveChangesAsync(ct);
        return od;
    }

    public static IEnumerable<object> Beslis(Omgevingsdienst od, Verzoek v)
    {
        if (od.IsOpgeheven)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' is al opgeheven.");
        }

        if (od.HeeftLopendeFusie)
        {
            throw DomainRuleException.Conflict($"Omgevingsdienst '{od.Id}' heeft een aangekondigde fusie; annuleer die eerst.");
        }

        if (od.OpgerichtOp >= v.Ingangsdatum)
        {
            throw DomainRuleException.Invalid("ingangsdatum", "'ingangsdatum' ligt niet na de oprichting van de omgevingsdienst.");
        }

        if (od.LopendeSevesoAanwijzing is not null)
        {
            yield return new SevesoIngetrokken(v.Ingangsdatum!.Value);
        }

        yield return new Opgesplitst([.. v.Opvolgers!.Select(o => o.Code!)], v.Ingangsdatum!.Value);
    }

    private static IEnumerable<object> Opvolgerevents(Opvolger o, Verzoek v, string voorganger, string[] seveso)
    {
        yield return new OmgevingsdienstGeregistreerd(o.Code!, o.Naam!.Trim(), o.Provincies!, o.AantalDeelnemers, v.Ingangsdatum, [voorganger]);
        if (o.Code == v.SevesoOpvolger && seveso.Length > 0)
        {
            yield return new SevesoAangewezen(seveso, v.Ingangsdatum);
        }
    }

    public static async Task<Ok<OmgevingsdienstResource>> Endpoint(string code, Verzoek verzoek, [AsParameters] RegisterContext ctx) =>
        ctx.Ok(await Handle(code, verzoek, ctx.Schrijven(), ctx.Http.Request, ctx.Ct));
}
