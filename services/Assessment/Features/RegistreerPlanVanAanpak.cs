using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json.Serialization;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Features;

/// <summary>Where a plan stands: part of the dossier, or a joint plan waiting for the consent of ODs it names.</summary>
public enum PlanStatus
{
    Geregistreerd,
    WachtOpInstemming,
}

/// <summary>
/// An OD (for itself) or IenW on its behalf registers a plan of approach. Two or more ODs (e.g. merging ones) may hand in
/// one joint plan, which needs the consent of every OD it names: registered by IenW it is joint at once (IenW's filing is
/// the consent of all) and recorded in the dossier of each in one transaction; handed in by one of the ODs it waits, in the
/// dossier of every OD it names, until each has consented (<see cref="StemInMetPlanVanAanpak"/>). The ODs must be known
/// to, and not dissolved in, the register; an OD judged robust on its zelftoets hands in none.
/// </summary>
public static class RegistreerPlanVanAanpak
{
    public sealed record Document(string? Titel, string? Url, string? Bestandsnaam, int? AantalPaginas);

    public sealed record Verzoek(IReadOnlyList<string>? Omgevingsdiensten, DateOnly? OntvangenOp, string? Versie, Document? Document);

    public sealed record PlanLinks(Link Instemming);

    /// <summary>
    /// A plan as the API shows it: <c>geregistreerd</c> (part of the dossier) or <c>wachtOpInstemming</c> (a joint plan
    /// some named ODs have not consented to yet, listed in <c>wachtOpInstemmingVan</c>). <c>ingediendDoor</c> is the OD
    /// that handed in a joint plan (null for a plan of one OD or one IenW registered); <c>_links.instemming</c> is where a
    /// named OD consents.
    /// </summary>
    public sealed record Plan(Guid Id, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp, string Versie, PlanDocument Document,
        PlanStatus Status, string? IngediendDoor, IReadOnlyList<string> WachtOpInstemmingVan,
        [property: JsonPropertyName("_links")] PlanLinks Links)
    {
        public static Plan Van(PlanVanAanpak p, string basePath) => new(p.Id, p.Omgevingsdiensten, p.OntvangenOp, p.Versie, p.Document,
            PlanStatus.Geregistreerd, p.IngediendDoor, [], LinksVan(p.Id, basePath));

        public static Plan Van(PlanInAfwachting a, string basePath) => new(a.Plan.Id, a.Plan.Omgevingsdiensten, a.Plan.OntvangenOp,
            a.Plan.Versie, a.Plan.Document, PlanStatus.WachtOpInstemming, a.Plan.IngediendDoor, a.WachtOp, LinksVan(a.Plan.Id, basePath));

        /// <summary>The plan <paramref name="id"/> as <paramref name="dossier"/> holds it, part of the dossier or waiting for consent.</summary>
        public static Plan Van(Beoordelingsdossier dossier, Guid id, string basePath) =>
            dossier.Plan(id) is { } plan ? Van(plan, basePath)
            : Van(dossier.InAfwachting(id) ?? throw new InvalidOperationException($"Plan {id} is not in dossier {dossier.Id}."), basePath);

        private static PlanLinks LinksVan(Guid id, string basePath) => new(new Link($"{basePath}/plannen-van-aanpak/{id}/instemming"));
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

    /// <summary>
    /// The plan; its id is chosen by the caller (the edge: a new one) so that the decision stays a pure function.
    /// <c>Indiener</c> is the OD that hands it in (an <c>od</c> token's code); null when IenW (or the seed, for IenW)
    /// registers it on behalf of every OD it names.
    /// </summary>
    public sealed record Opdracht(Guid PlanId, IReadOnlyList<string> Omgevingsdiensten, DateOnly OntvangenOp, string Versie,
        PlanDocument Document, Handeling Handeling, string? Indiener)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling, string? indiener) => new(Guid.NewGuid(), v.Omgevingsdiensten!,
            v.OntvangenOp!.Value, v.Versie!.Trim(),
            new PlanDocument(v.Document!.Titel!.Trim(), v.Document.Url, v.Document.Bestandsnaam, v.Document.AantalPaginas), handeling, indiener);

        /// <summary>A joint plan one of its ODs hands in: it needs the consent of the others.</summary>
        public bool VraagtInstemming => Indiener is not null && Omgevingsdiensten.Any(c => c != Indiener);
    }

    /// <summary>
    /// The plan as it is recorded in one named OD's dossier (every named OD gets the same event): registered, when one OD
    /// hands in its own plan or IenW registers it; waiting for consent, when one OD hands in a plan that names others.
    /// Each named OD is checked against the register, in the order given, so the first refusal names its index. An OD
    /// hands in only plans that name itself (403).
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

        if (o.Indiener is { } indiener && !o.Omgevingsdiensten.Contains(indiener, StringComparer.Ordinal))
        {
            throw DomainRuleException.Forbidden("Een omgevingsdienst kan alleen voor zichzelf handelen.");
        }

        return o.VraagtInstemming
            ? [new GezamenlijkPlanIngediend(o.PlanId, o.Omgevingsdiensten, o.OntvangenOp, o.Versie, o.Document, o.Indiener!, o.Handeling.Door)]
            : [new PlanVanAanpakGeregistreerd(o.PlanId, o.Omgevingsdiensten, o.OntvangenOp, o.Versie, o.Document, o.Handeling.Door)];
    }

    /// <summary>The dossier that shows the plan to its filer: the filing OD's, else (IenW) the first named OD's.</summary>
    public static string DossierVan(Opdracht o) => o.Indiener ?? o.Omgevingsdiensten[0];

    /// <summary>
    /// One decision per named OD's dossier, one commit for all: a joint plan is in every named dossier or in none.
    /// Returns the dossier of <see cref="DossierVan"/>.
    /// </summary>
    public static async Task<Beoordelingsdossier> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var register = (await session.LoadManyAsync<OmgevingsdienstUitRegister>(ct, o.Omgevingsdiensten))
            .ToDictionary(od => od.Id, StringComparer.Ordinal);
        foreach (var code in o.Omgevingsdiensten)
        {
            await session.DecideAsync<Beoordelingsdossier>(code, null, o.Handeling, d => Beslis(d, o, register), ct);
        }

        await session.SaveChangesAsync(ct);
        return (await session.DossierAsync(DossierVan(o), ct))!;
    }

    public static async Task<Created<Plan>> Endpoint(Verzoek verzoek, [AsParameters] BeoordelingContext ctx)
    {
        // Object-level access (who may act for whom) is the edge's: an OD files only plans that name itself, and the
        // other ODs it names have to consent. The register's rules are the decision's.
        ctx.User.EnsureHandeltVoor(verzoek.Omgevingsdiensten!);
        var o = Opdracht.Van(verzoek, ctx.Handeling, ctx.User.OdCode());
        var dossier = await Handle(o, ctx.Session, ctx.Ct);
        return TypedResults.Created($"{ctx.Api.BasePath}/plannen-van-aanpak?omgevingsdienst={DossierVan(o)}",
            Plan.Van(dossier, o.PlanId, ctx.Api.BasePath));
    }
}
