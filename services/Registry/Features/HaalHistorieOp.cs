using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts.Api;
using RobuustOD.EventStore;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.Features;

/// <summary>An OD's stream as an audit trail: what happened, when it was recorded, and by whom.</summary>
public static class HaalHistorieOp
{
    public static async Task<Ok<Historie>> Endpoint(string code, IQuerySession session, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(code, token: ct);
        if (events.Count == 0)
        {
            throw OmgevingsdienstStreams.NietGevonden(code);
        }

        return TypedResults.Ok(History.Of(code, events, json.Value.SerializerOptions));
    }
}
