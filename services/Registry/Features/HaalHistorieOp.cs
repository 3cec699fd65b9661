using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>An OD's stream as an audit trail: what happened, when it was recorded, and by whom.</summary>
public static class HaalHistorieOp
{
    public static async Task<Ok<Historie>> Endpoint(string code, [AsParameters] RegisterContext ctx)
    {
        var events = await ctx.Session.Events.FetchStreamAsync(code, token: ctx.Ct);
        if (events.Count == 0)
        {
            throw OmgevingsdienstStreams.NietGevonden(code);
        }

        var json = ctx.Http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var gebeurtenissen = events.Select(e => new Gebeurtenis(e.Version, IntegrationEvents.Naam(e.EventType),
            e.Timestamp.UtcDateTime, e.UserName, JsonSerializer.SerializeToElement(e.Data, e.EventType, json))).ToList();
        return TypedResults.Ok(new Historie(code, gebeurtenissen));
    }
}
