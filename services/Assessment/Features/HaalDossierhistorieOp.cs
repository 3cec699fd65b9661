using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.EventStore;

namespace RobuustOD.Assessment.Features;

/// <summary>
/// The events of an OD's assessment dossier in the programme's one history shape. IenW and the assessor only, since
/// the drafts are part of it.
/// </summary>
public static class HaalDossierhistorieOp
{
    public static async Task<Ok<Historie>> Endpoint(string omgevingsdienst, IOptions<JsonOptions> json, [AsParameters] BeoordelingContext ctx)
    {
        // An invalid code has no dossier either; it is refused before it can reach the query as a stream key.
        IReadOnlyList<IEvent> events = OdCode.IsGeldig(omgevingsdienst)
            ? await ctx.Session.Events.FetchStreamAsync(omgevingsdienst, token: ctx.Ct)
            : [];
        if (events.Count == 0)
        {
            throw DomainRuleException.NotFound($"Er is geen beoordelingsdossier van '{omgevingsdienst}'.");
        }

        return TypedResults.Ok(History.Of(omgevingsdienst, events, json.Value.SerializerOptions));
    }
}
