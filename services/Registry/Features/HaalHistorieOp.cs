using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts.Api;
using RobuustOD.EventStore;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>An OD's stream as an audit trail: what happened, when it was recorded, and by whom.</summary>
public static class HaalHistorieOp
{
    public static async Task<Ok<Historie>> Endpoint(string code, IOptions<JsonOptions> json, [AsParameters] RegisterContext ctx)
    {
        var events = await ctx.Session.Events.FetchStreamAsync(code, token: ctx.Ct);
        if (events.Count == 0)
        {
            throw await ctx.Session.NietGevondenAsync(code, ctx.Ct);
        }

        // The event data as the API serialises it (camelCase, enums as strings), not as Marten stores it.
        return TypedResults.Ok(History.Of(code, events, json.Value.SerializerOptions));
    }
}
