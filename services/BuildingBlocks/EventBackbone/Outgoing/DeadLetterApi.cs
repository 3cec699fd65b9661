using RobuustOD.Domain;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.EventBackbone.Outgoing;

/// <summary>Operator access to dead letters: see them, and have one delivered again once its cause is mended.</summary>
public static class DeadLetterApi
{
    public sealed record OnbestelbaarBerichtResource(Guid Id, string Bestemming, string CloudEventId, string Type,
        string Onderwerp, string Reden, DateTimeOffset OnbestelbaarSinds, DateTimeOffset? HerbezorgdOp);

    public sealed record OnbestelbareBerichten(IReadOnlyList<OnbestelbaarBerichtResource> Berichten);

    public static RouteGroupBuilder MapDeadLetterApi(this RouteGroupBuilder api)
    {
        const string Pad = "/beheer/onbestelbare-berichten";
        api.MapGet(Pad, Lijst).RequireAuthorization(Policies.Ienw).WithTags("Beheer")
            .WithName("zoekOnbestelbareBerichten").WithSummary("Gebeurtenissen die niet konden worden bezorgd");
        api.MapPost($"{Pad}/{{id:guid}}/herbezorging", Herbezorg).RequireAuthorization(Policies.Ienw).WithTags("Beheer")
            .WithName("herbezorgBericht").WithSummary("Een onbestelbaar bericht opnieuw bezorgen (zelfde CloudEvent, zelfde id)");
        return api;
    }

    private static async Task<Ok<OnbestelbareBerichten>> Lijst(IQuerySession session, CancellationToken ct)
    {
        var berichten = await session.Query<OnbestelbaarBericht>().OrderBy(b => b.OnbestelbaarSinds).ToListAsync(ct);
        return TypedResults.Ok(new OnbestelbareBerichten([.. berichten.Select(Resource)]));
    }

    private static async Task<Ok<OnbestelbaarBerichtResource>> Herbezorg(Guid id, IDocumentSession session,
        IReadOnlyList<ICloudEventSink> sinks, TimeProvider clock, CancellationToken ct)
    {
        var bericht = await session.LoadAsync<OnbestelbaarBericht>(id, ct)
            ?? throw DomainRuleException.NotFound($"Onbestelbaar bericht {id} bestaat niet.");
        var sink = sinks.FirstOrDefault(s => s.Name == bericht.Bestemming)
            ?? throw DomainRuleException.Conflict($"Bestemming '{bericht.Bestemming}' is in deze configuratie niet bekend.");
        var result = await sink.DeliverAsync(bericht.AlsCloudEvent(), ct);
        if (result.Outcome != DeliveryOutcome.Delivered)
        {
            throw DomainRuleException.Conflict($"Opnieuw bezorgen mislukte: {result.Reason}");
        }

        bericht.HerbezorgdOp = clock.GetUtcNow();
        session.Store(bericht);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(Resource(bericht));
    }

    private static OnbestelbaarBerichtResource Resource(OnbestelbaarBericht b) =>
        new(b.Id, b.Bestemming, b.CloudEventId, b.Type, b.Onderwerp, b.Reden, b.OnbestelbaarSinds, b.HerbezorgdOp);
}
