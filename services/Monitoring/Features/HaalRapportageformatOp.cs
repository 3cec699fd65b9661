using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.Monitoring.Format;

namespace RobuustOD.Monitoring.Features;

public sealed record FormatLinks(Link Self, Link Huidig);

/// <summary>
/// Een editie van het rapportageformat: per criterium wat de OD rapporteert, de kerngetallen, en welke kerngetallen een
/// meetbaar criterium meten (de drempel zelf komt uit de criteriacatalogus van de beoordeling).
/// </summary>
public sealed record FormatResource(int Versie, IReadOnlyList<FormatCriterium> Criteria, IReadOnlyList<Kerngetal> Kerngetallen,
    IReadOnlyList<MeetbaarCriterium> MeetbareCriteria, DateTimeOffset VastgesteldOp, [property: System.Text.Json.Serialization.JsonPropertyName("_links")] FormatLinks Links)
{
    public static FormatResource Van(FormatVersie v, ApiDescriptor api) => new(v.Versie, v.Criteria, v.Kerngetallen, v.MeetbareCriteria,
        v.VastgesteldOp.ToUniversalTime(),
        new FormatLinks(new Link($"{api.BasePath}/rapportageformat/versies/{v.Versie}"), new Link($"{api.BasePath}/rapportageformat")));
}

public static class HaalRapportageformatOp
{
    /// <summary>The current edition; its ETag is the format's version (send it with the next PUT).</summary>
    public static async Task<Ok<FormatResource>> Endpoint([AsParameters] MonitoringContext ctx)
    {
        var format = await ctx.Session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ctx.Ct);
        var huidig = format?.Huidig ?? throw DomainRuleException.NotFound("Er is nog geen rapportageformat vastgesteld.");
        ctx.Http.Response.SetETag(format.Version);
        return TypedResults.Ok(FormatResource.Van(huidig, ctx.Api));
    }
}

public static class HaalRapportageformatVersieOp
{
    public static async Task<Ok<FormatResource>> Endpoint(int versie, [AsParameters] MonitoringContext ctx)
    {
        var format = await ctx.Session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ctx.Ct);
        var editie = format?.Versie(versie) ?? throw DomainRuleException.NotFound($"Formatversie {versie} bestaat niet.");
        return TypedResults.Ok(FormatResource.Van(editie, ctx.Api));
    }
}
