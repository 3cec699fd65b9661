using RobuustOD.Contracts.Api;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Representations;
using RobuustOD.Monitoring.Kamerrapportages;

namespace RobuustOD.Monitoring.Features;

public sealed record KamerrapportageLinks(Link Self, Link Concept);

/// <summary>The report to parliament of a period: frozen (<c>vastgesteld</c>, with its version) or a live draft (<c>concept</c>).</summary>
public sealed record KamerrapportageResource(string Kamerperiode, string Status, int? Versie, DateTimeOffset? VastgesteldOp, string? VastgesteldDoor,
    string? Toelichting, KamerrapportageInhoud Inhoud, [property: System.Text.Json.Serialization.JsonPropertyName("_links")] KamerrapportageLinks Links)
{
    public const string Vastgesteld = "vastgesteld";

    public const string Concept = "concept";

    public static readonly string[] Mediatypen = ["application/json", "text/html", "text/markdown", "text/csv"];

    public static KamerrapportageResource Van(VastgesteldeKamerrapportage v, Kamerperiode periode, ApiDescriptor api) =>
        new(periode.Id, Vastgesteld, v.Versie, v.Op, v.Door, v.Toelichting, v.Inhoud, LinksVan(periode, api, v.Versie));

    public static KamerrapportageResource VanConcept(KamerrapportageInhoud inhoud, Kamerperiode periode, ApiDescriptor api) =>
        new(periode.Id, Concept, null, null, null, null, inhoud, LinksVan(periode, api, null));

    private static KamerrapportageLinks LinksVan(Kamerperiode periode, ApiDescriptor api, int? versie)
    {
        var basis = $"{api.BasePath}/kamerrapportages/{periode.Id}";
        return new(new(versie is { } v ? $"{basis}/versies/{v}" : $"{basis}/concept"), new($"{basis}/concept"));
    }

    /// <summary>
    /// The representation the client asked for (Accept): a frozen report's stored renderings as they were sent, a
    /// draft's rendered now; 406 when none of the four types is acceptable.
    /// </summary>
    public static IResult Antwoord(HttpContext http, KamerrapportageResource resource, VastgesteldeKamerrapportage? vastgesteld)
    {
        var type = Inhoudsonderhandeling.Kies(http.Request, Mediatypen);
        if (type is null)
        {
            return Inhoudsonderhandeling.NietAanvaardbaar(http.Request, Mediatypen);
        }

        http.Response.Headers.Vary = "Accept";
        if (type == "application/json")
        {
            return TypedResults.Ok(resource);
        }

        var markdown = vastgesteld?.Markdown ?? KamerrapportageOpmaak.Markdown(resource.Inhoud, resource.Status);
        switch (type)
        {
            case "text/markdown":
                return TypedResults.Text(markdown, "text/markdown; charset=utf-8");
            case "text/html":
                http.Response.Headers.ContentSecurityPolicy = KamerrapportageOpmaak.ContentSecurityPolicy;
                return TypedResults.Text(vastgesteld?.Html ?? KamerrapportageOpmaak.Html(markdown, KamerrapportageOpmaak.Titel(resource.Inhoud)),
                    "text/html; charset=utf-8");
            default:
                var csv = vastgesteld is not null
                    ? [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(vastgesteld.Csv)]
                    : KamerrapportageOpmaak.Csv(resource.Inhoud);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"kamerrapportage-{resource.Kamerperiode}.csv\"";
                return TypedResults.Bytes(csv, "text/csv; charset=utf-8");
        }
    }
}
