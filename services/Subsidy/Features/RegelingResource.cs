using System.Text.Json.Serialization;
using RobuustOD.Contracts.Api;
using RobuustOD.HttpDefaults;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// De middelen van een regeling: het plafond (null = onbekend), wat verleend is en nog vastligt (verplicht), betaald,
/// vastgesteld, vrijgevallen (na een lagere vaststelling), teruggevorderd en wat nog beschikbaar is (null zolang het plafond onbekend is).
/// </summary>
public sealed record BudgetResource(decimal? Plafond, decimal Verplicht, decimal Betaald, decimal Vastgesteld, decimal Vrijgevallen,
    decimal Teruggevorderd, decimal? Beschikbaar)
{
    public static BudgetResource Van(Budget? b) => b is null
        ? new(null, 0, 0, 0, 0, 0, null)
        : new(b.Plafond, b.Verplicht, b.Betaald, b.Vastgesteld, b.Vrijgevallen, b.Teruggevorderd, b.Beschikbaar);
}

public sealed record RegelingVersieResource(int Versie, DateTimeOffset VastgesteldOp);

public sealed record RegelingLinks(Link Self, Link Aanvragen);

/// <summary>Een subsidieregeling in haar huidige versie, met het budget; elke regel die null (of leeg) is, beperkt niet.</summary>
public sealed record RegelingResource(string Code, int Versie, string Naam, Eigenaar Eigenaar, decimal? Plafond, DateOnly? OpenVan, DateOnly? OpenTot,
    DateOnly? ActiviteitenUiterlijk, decimal? MaximumPerOd, IReadOnlyList<string> Kostencategorieen, int? BeslistermijnWeken,
    decimal? VoorschotPercentage, DateOnly? VerantwoordingUiterlijk, decimal? VierOgenVanaf, bool FusieOfOpsplitsingVereist,
    BudgetResource Budget, IReadOnlyList<RegelingVersieResource> Versies,
    [property: JsonPropertyName("_links")] RegelingLinks Links)
{
    public static RegelingResource Van(Regeling r, Budget? budget, ApiDescriptor api)
    {
        var (versie, regels, _) = r.Huidige;
        return new(r.Code, versie, regels.Naam, regels.Eigenaar, regels.Plafond, regels.OpenVan, regels.OpenTot, regels.ActiviteitenUiterlijk,
            regels.MaximumPerOd, regels.Kostencategorieen, regels.BeslistermijnWeken, regels.VoorschotPercentage,
            regels.VerantwoordingUiterlijk, regels.VierOgenVanaf, regels.FusieOfOpsplitsingVereist, BudgetResource.Van(budget),
            [.. r.Versies.Select(v => new RegelingVersieResource(v.Versie, v.Op))],
            new RegelingLinks(new Link($"{api.BasePath}/regelingen/{r.Code}"), new Link($"{api.BasePath}/aanvragen?regeling={r.Code}")));
    }
}

public sealed record RegelingenResource(IReadOnlyList<RegelingResource> Regelingen);
