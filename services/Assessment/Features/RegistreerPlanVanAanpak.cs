using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// An OD (for itself) or IenW on its behalf registers a plan of approach. Two merging ODs may hand in one
/// joint plan, recorded in the dossier of each in one transaction. The ODs must be known to, and not dissolved in,
/// the register; an OD judged robust on its zelftoets hands in none.
/// </summary>
public static class RegistreerPlanVanAanpak
{
    public sealed record Document(string? Titel, string? Url, string? Bestandsnaam, int? AantalPaginas);

    public sealed record Verzoek(IReadOnlyList<string>? Omgevingsdiensten, DateOnly? OntvangenOp, string? Versie, Document? Document);

    public sealed record Plan(Guid Id, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp, string Versie, PlanDocument Document)
    {
        public static Plan Van(PlanVanAanpak p) => new(p.Id, p.Omgevingsdiensten, p.OntvangenOp, p.Versie, p.Document);
    }

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Omgevingsdiensten).NotEmpty().WithMessage("'omgevingsdiensten' noemt de OD('s) die het plan indienen.")
                .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("'omgevingsdiensten' bevat een code dubbel.")
                .Must(o => o is null || o.Count <= 5).WithMessage("Een gezamenlijk plan heeft ten hoogste vijf omgevingsdiensten.");
            RuleForEach(v => v.Omgevingsdiensten).GeldigeCode();
            RuleFor(v => v.OntvangenOp).NotNull();
            RuleFor(v => v.Versie).NotEmpty().PlainText(20);
            RuleFor(v => v.Document).NotNull();
            When(v => v.Document is not null, () =>
            {
                RuleFor(v => v.Document!.Titel).NotEmpty().PlainText(300);
                RuleFor(v => v.Document!.Bestandsnaam).PlainText(255);
                RuleFor(v => v.Document!.Url).PlainText(2000)
                    .Must(u => u is null || Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                    .WithMessage("'url' moet een absolute http(s)-URL zijn.");
                RuleFor(v => v.Document!.AantalPaginas).InclusiveBetween(1, 10_000);
            });
        }
    }

    /// <summary>The plan; its id is chosen by the caller (the edge: a new one) so that the decision stays a pure function.</summary>
    public sealed record Opdracht(Guid PlanId, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp, string Versie,
        PlanDocument Document, Handeling Handeling)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling) => new(Guid.NewGuid(), v.Omgevingsdiensten!, v.OntvangenOp!.Value,
            v.Versie!.Trim(), new PlanDocument(v.Document!.Titel!.Trim(), v.Document.Url, v.Document.Bestandsnaam, v.Document.AantalPaginas),
            handeling);
    }

    /// <summary>
    /// The plan as it is recorded in one OD's dossier (every submitting OD gets the same event). Each submitter is checked
    /// against the register, in the order given, so the first refusal names its index.
    /// </summary>
    /// <param name="register">The submitting ODs as this service's copy of the register knows them (missing: never announced).</param>
    public static IEnumerable<object> Beslis(Beoordelingsdossier? dossier, Opdracht o, IReadOnlyDictionary<string, OmgevingsdienstUitRegister> register)
    {
        foreach (var (code, index) in o.Omgevingsdiensten.Select((c, i) => (c, i)))
        {
            var od = register.GetValueOrDefault(code) ?? throw DomainRuleException.Invalid($"omgevingsdiensten[{index}]",
                $"Omgevingsdienst '{code}' is in het register niet bekend.");
            if (od.IsOpgehevenOp(o.OntvangenOp))
            {
                throw DomainRuleException.Conflict($"Omgevingsdienst '{code}' is opgeheven op {od.OpgehevenOp:yyyy-MM-dd}.");
            }

            if (od.ZelftoetsRobuust == true)
            {
                throw DomainRuleException.Conflict($"Omgevingsdienst '{code}' is op de zelftoets robuust bevonden en dient geen plan van aanpak in.");
            }
        }

        return [new PlanVanAanpakGeregistreerd(o.PlanId, o.Omgevingsdiensten, o.OntvangenOp, o.Versie, o.Document, o.Handeling.Door)];
    }

    /// <summary>One decision per submitter's dossier, one commit for all: a joint plan is in both dossiers or in neither.</summary>
    public static async Task<PlanVanAanpak> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var register = (await session.LoadManyAsync<OmgevingsdienstUitRegister>(ct, o.Omgevingsdiensten))
            .ToDictionary(od => od.Id, StringComparer.Ordinal);
        foreach (var code in o.Omgevingsdiensten)
        {
            await session.DecideAsync<Beoordelingsdossier>(code, null, o.Handeling, d => Beslis(d, o, register), ct);
        }

        await session.SaveChangesAsync(ct);
        var dossier = await session.DossierAsync(o.Omgevingsdiensten[0], ct);
        return dossier!.Plannen.Single(p => p.Id == o.PlanId);
    }

    public static async Task<Created<Plan>> Endpoint(Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        // Object-level access (who may act for whom) is the edge's; the register's rules are the decision's.
        ctx.User.EnsureHandeltVoor(verzoek.Omgevingsdiensten!);
        var plan = await Handle(Opdracht.Van(verzoek, ctx.Handeling), ctx.Session, ctx.Ct);
        return TypedResults.Created($"{ctx.Api.BasePath}/plannen-van-aanpak?omgevingsdienst={plan.Omgevingsdiensten[0]}", Plan.Van(plan));
    }
}
