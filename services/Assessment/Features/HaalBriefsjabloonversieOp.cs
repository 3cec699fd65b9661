using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Domain;

namespace RobuustOD.Assessment.Features;

/// <summary>One (earlier) version of a round's letter template; versions never change.</summary>
public static class HaalBriefsjabloonversieOp
{
    public sealed record Sjabloonversie(string Ronde, int Versie, string Onderwerp, string Sjabloon, DateTimeOffset VastgesteldOp,
        string VastgesteldDoor)
    {
        public static Sjabloonversie Van(BriefSjabloon s) => new(s.Ronde, s.Versie, s.Onderwerp, s.Sjabloon, s.VastgesteldOp, s.VastgesteldDoor);
    }

    public static async Task<Ok<Sjabloonversie>> Endpoint(string ronde, int versie, [AsParameters] BeoordelingContext ctx)
    {
        var versies = await HaalBriefsjabloonOp.BestaandeVersiesAsync(ctx, ronde);
        var gekozen = versies.FirstOrDefault(v => v.Versie == versie)
            ?? throw DomainRuleException.NotFound($"Het briefsjabloon van ronde {ronde} heeft geen versie {versie}.");
        return TypedResults.Ok(Sjabloonversie.Van(gekozen));
    }
}
