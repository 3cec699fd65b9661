using Marten;
using RobuustOD.Contracts.Beoordeling;
using RobuustOD.EventBackbone.Incoming;

namespace RobuustOD.CatalogusReadModel;

public static class CatalogusReadModelExtensions
{
    public static StoreOptions AddCatalogusReadModel(this StoreOptions options)
    {
        // Two versions applied at once must not overwrite each other.
        options.Schema.For<CriteriumUitCatalogus>().UseOptimisticConcurrency(true);
        return options;
    }

    /// <summary>
    /// Adds the catalogue's handler to the service's subscription of the <c>beoordeling</c> topic (one endpoint per
    /// topic, so the service composes it with its own handlers there). A version lower than or equal to the one
    /// held is ignored: redelivered or late, it never rolls the criterion back.
    /// </summary>
    public static IntegrationEventHandlers OnCatalogus(this IntegrationEventHandlers on) =>
        on.On<CriteriumVastgesteldV1>(async (e, session, ce, ct) =>
        {
            var bekend = await session.LoadAsync<CriteriumUitCatalogus>(CriteriumUitCatalogus.Sleutel(e.Nummer), ct);
            if (bekend is not null && bekend.Versie >= e.Versie)
            {
                return;
            }

            var criterium = bekend ?? new CriteriumUitCatalogus { Id = CriteriumUitCatalogus.Sleutel(e.Nummer), Nummer = e.Nummer };
            criterium.Versie = e.Versie;
            criterium.Titel = e.Titel;
            criterium.Drempel = e.Drempel;
            criterium.VastgesteldOp = e.VastgesteldOp;
            session.Store(criterium);
        });

    /// <summary>The current version of every criterion this service knows (the catalogue holds a few dozen rows).</summary>
    public static async Task<IReadOnlyDictionary<int, CriteriumUitCatalogus>> CatalogusAsync(this IQuerySession session, CancellationToken ct) =>
        (await session.Query<CriteriumUitCatalogus>().ToListAsync(ct)).ToDictionary(c => c.Nummer);
}

public static class BeoordelingSubscription
{
    /// <summary>
    /// The service's one subscription of the <c>beoordeling</c> topic: the catalogue's handler plus the service's own
    /// (<paramref name="meer"/>, e.g. monitoring's baseline from published assessments).
    /// </summary>
    public static Microsoft.AspNetCore.Builder.RouteHandlerBuilder MapBeoordelingSubscription(
        this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, Action<IntegrationEventHandlers>? meer = null) =>
        endpoints.MapTopicSubscription(RobuustOD.Contracts.Eventing.PubSub.Topics.Beoordeling, on =>
        {
            on.OnCatalogus();
            meer?.Invoke(on);
        });
}
