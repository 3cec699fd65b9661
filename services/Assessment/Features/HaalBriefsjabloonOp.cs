using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Domain;
using RobuustOD.EventStore;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// The letter template of a round: its current version and the list of versions. The ETag is the current version
/// number, which a new version sends back in If-Match.
/// </summary>
public static class HaalBriefsjabloonOp
{
    public sealed record Versie(int Nummer, string Onderwerp, DateTimeOffset VastgesteldOp, string VastgesteldDoor, string Href);

    public sealed record SjabloonMetVersies(string Ronde, HaalBriefsjabloonversieOp.Sjabloonversie Huidig, IReadOnlyList<Versie> Versies)
    {
        /// <param name="versies">The round's versions, oldest first; at least one.</param>
        public static SjabloonMetVersies Van(string basePath, string ronde, IReadOnlyList<BriefSjabloon> versies) =>
            new(ronde, HaalBriefsjabloonversieOp.Sjabloonversie.Van(versies[^1]), [.. versies.Select(v => new Versie(v.Versie, v.Onderwerp,
                v.VastgesteldOp, v.VastgesteldDoor, $"{Pad(basePath, ronde)}/versies/{v.Versie}"))]);
    }

    public static string Pad(string basePath, string ronde) => $"{basePath}/briefsjablonen/{ronde}";

    public static async Task<Ok<SjabloonMetVersies>> Endpoint(string ronde, [AsParameters] BeoordelingContext ctx)
    {
        var versies = await BestaandeVersiesAsync(ctx, ronde);
        ctx.Http.Response.SetETag(versies[^1].Versie);
        return TypedResults.Ok(SjabloonMetVersies.Van(ctx.Api.BasePath, ronde, versies));
    }

    /// <summary>The round's versions, oldest first; 400 for a round that is not one, 404 while it has none.</summary>
    public static async Task<IReadOnlyList<BriefSjabloon>> BestaandeVersiesAsync(BeoordelingContext ctx, string ronde)
    {
        var versies = await ctx.Session.VersiesAsync(BeoordelingId.ControleerRonde(ronde), ctx.Ct);
        return versies.Count > 0 ? versies : throw DomainRuleException.NotFound($"Er is (nog) geen briefsjabloon voor ronde {ronde}.");
    }
}
