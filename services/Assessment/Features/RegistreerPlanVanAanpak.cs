using RobuustOD.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// An OD (for itself) or IenW on its behalf registers a plan of approach. Two merging ODs may hand in one
/// joint plan. The ODs must be known to, and not dissolved in, the register; an OD judged robust on its
/// zelftoets hands in none.
/// </summary>
public static class RegistreerPlanVanAanpak
{
    public sealed record Document(string? Titel, string? Url, string? Bestandsnaam, int? AantalPaginas);

    public sealed record Verzoek(IReadOnlyList<string>? Omgevingsdiensten, DateOnly? OntvangenOp, string? Versie, Document? Document);

    public sealed record Plan(Guid Id, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp, string Versie, PlanDocument Document);

    public sealed record Plannen(IReadOnlyList<Plan> PlannenVanAanpak);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Omgevingsdiensten).NotEmpty().WithMessage("'omgevingsdiensten' noemt de OD('s) die het plan indienen.")
                .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("'omgevingsdiensten' bevat een code dubbel.")
                .Must(o => o is null || o.Count <= 5).WithMessage("Een gezamenlijk plan heeft ten hoogste vijf omgevingsdiensten.");
            RuleForEach(v => v.Omgevingsdiensten).NotEmpty().Matches(OdCode.Pattern).WithMessage("'{PropertyValue}' is geen OD-code.");
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

    public static async Task<Plan> Handle(Verzoek v, BeoordelingContext ctx)
    {
        ctx.User.EnsureHandeltVoor(v.Omgevingsdiensten!);
        foreach (var (code, index) in v.Omgevingsdiensten!.Select((c, i) => (c, i)))
        {
            var od = await ctx.UitRegisterAsync(code) ?? throw DomainRuleException.Invalid($"omgevingsdiensten[{index}]",
                $"Omgevingsdienst '{code}' is in het register niet bekend.");
            if (od.IsOpgehevenOp(v.OntvangenOp!.Value))
            {
                throw DomainRuleException.Conflict($"Omgevingsdienst '{code}' is opgeheven op {od.OpgehevenOp:yyyy-MM-dd}.");
            }

            if (od.ZelftoetsRobuust == true)
            {
                throw DomainRuleException.Conflict($"Omgevingsdienst '{code}' is op de zelftoets robuust bevonden en dient geen plan van aanpak in.");
            }
        }

        var e = new PlanVanAanpakGeregistreerd(Guid.NewGuid(), v.Omgevingsdiensten!, v.OntvangenOp!.Value, v.Versie!.Trim(),
            new PlanDocument(v.Document!.Titel!.Trim(), v.Document.Url, v.Document.Bestandsnaam, v.Document.AantalPaginas), ctx.Door);
        ctx.Session.LastModifiedBy = ctx.Door;
        foreach (var code in v.Omgevingsdiensten!)
        {
            var stream = await ctx.Session.Events.FetchForWriting<Beoordelingsdossier>(code, ctx.Ct);
            stream.AppendOne(e);
        }

        await ctx.Session.SaveChangesAsync(ctx.Ct);
        return new Plan(e.PlanId, e.Omgevingsdiensten, e.OntvangenOp, e.Versie, e.Document);
    }

    public static async Task<Created<Plan>> Endpoint(Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        var plan = await Handle(verzoek, ctx);
        return TypedResults.Created($"{BeoordelingApi.Descriptor.BasePath}/plannen-van-aanpak?omgevingsdienst={plan.Omgevingsdiensten[0]}", plan);
    }

    public static async Task<Ok<Plannen>> Lijst(string omgevingsdienst, [AsParameters] BeoordelingContext ctx)
    {
        if (!OdCode.IsGeldig(omgevingsdienst))
        {
            throw DomainRuleException.Invalid("omgevingsdienst", "'omgevingsdienst' is geen OD-code.");
        }

        if (!ctx.User.MagZienVan(omgevingsdienst))
        {
            throw DomainRuleException.Forbidden("Een omgevingsdienst ziet alleen zijn eigen plannen van aanpak.");
        }

        var dossier = await ctx.DossierAsync(omgevingsdienst);
        return TypedResults.Ok(new Plannen([.. (dossier?.Plannen ?? []).Select(p => new Plan(p.Id, p.Omgevingsdiensten, p.OntvangenOp, p.Versie, p.Document))]));
    }
}
