using System.Reflection;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts;
using RobuustOD.Contracts.Eventing;
using RobuustOD.Contracts.Subsidie;
using RobuustOD.EventBackbone.Incoming;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// The service's subscription to every topic of the backbone, like any subscriber (<c>MapTopicSubscription</c>: the inbox
/// row and everything below commit together, so a redelivery changes nothing). Each event is stored once
/// (<see cref="Gebeurtenis"/>, with its attributes as received) and becomes one <see cref="Aflevering"/> per subscription
/// that receives it (<see cref="Leesrechten.Ontvangt"/>), in that same transaction.
/// </summary>
public sealed class Ontvangst(IOptions<NotificatieOptions> opties, TimeProvider clock)
{
    public static IEndpointRouteBuilder MapOntvangst(IEndpointRouteBuilder endpoints)
    {
        var ontvangst = ActivatorUtilities.CreateInstance<Ontvangst>(endpoints.ServiceProvider);
        var registreer = typeof(Ontvangst).GetMethod(nameof(Registreer), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var topic in Leesrechten.Topics)
        {
            endpoints.MapTopicSubscription(topic, handlers =>
            {
                foreach (var type in IntegrationEventCatalogue.All.Where(t => IntegrationEventCatalogue.Describe(t).Topic == topic))
                {
                    registreer.MakeGenericMethod(type).Invoke(null, [handlers, ontvangst]);
                }
            });
        }

        return endpoints;
    }

    private static void Registreer<T>(IntegrationEventHandlers handlers, Ontvangst ontvangst)
        where T : class =>
        handlers.On<T>((e, session, context, ct) => ontvangst.NeemOpAsync(e, typeof(T), session, context, ct));

    public async Task NeemOpAsync(object payload, Type type, IDocumentSession session, CloudEventContext context, CancellationToken ct)
    {
        var contract = IntegrationEventCatalogue.Describe(type);
        var data = JsonSerializer.SerializeToElement(payload, type, ContractJson.Options);
        var nu = clock.GetUtcNow();
        var (ods, regeling) = await BetrokkenenAsync(payload, context.Subject, data, session, ct);
        var gebeurtenis = new Gebeurtenis
        {
            CloudEventId = context.Id,
            Source = context.Source,
            Type = context.Type,
            Topic = contract.Topic,
            Subject = context.Subject,
            Time = context.Time,
            Attributen = Attributen(context),
            Data = data.GetRawText(),
            Omgevingsdiensten = ods,
            Regeling = regeling,
            Traceparent = System.Diagnostics.Activity.Current?.Id,
            OntvangenOp = nu,
        };
        session.Store(gebeurtenis);

        var kenmerken = gebeurtenis.Kenmerken;
        var abonnementen = await session.Query<Abonnement>().Where(a => a.Status != AbonnementStatus.Verwijderd).ToListAsync(ct);
        foreach (var abonnement in abonnementen.Where(a => Leesrechten.Ontvangt(a, kenmerken, opties.Value.Regelingeigenaren)))
        {
            session.Insert(new Aflevering
            {
                Id = Aflevering.Sleutel(abonnement.AbonnementId, gebeurtenis.Id),
                AbonnementId = abonnement.AbonnementId,
                Volgnummer = gebeurtenis.Id,
                GebeurtenisId = gebeurtenis.CloudEventId,
                Type = gebeurtenis.Type,
                Onderwerp = gebeurtenis.Subject ?? "",
                AangemaaktOp = nu,
                VolgendePogingOp = nu,
            });
        }
    }

    /// <summary>The CloudEvent attributes as the backbone received them (for a bulk delivery too), but those kept apart.</summary>
    private static Dictionary<string, string> Attributen(CloudEventContext context)
    {
        var attributen = new Dictionary<string, string>(context.Attributes, StringComparer.Ordinal);

        // The middleware keeps datacontenttype to itself; every contract event's data is JSON.
        attributen.TryAdd("datacontenttype", "application/json");
        return attributen;
    }

    /// <summary>The ODs the event is about, and for a subsidy request its scheme (remembered from the submission).</summary>
    private static async Task<(List<string>, string?)> BetrokkenenAsync(object payload, string? subject, JsonElement data, IDocumentSession session,
        CancellationToken ct)
    {
        if (payload is AanvraagIngediendV1 ingediend)
        {
            session.Store(new AanvraagKenmerk { Id = ingediend.Aanvraag, Omgevingsdienst = ingediend.Omgevingsdienst, Regeling = ingediend.Regeling });
            return ([ingediend.Omgevingsdienst], ingediend.Regeling);
        }

        if (subject?.StartsWith("aanvraag-", StringComparison.Ordinal) == true)
        {
            var kenmerk = await session.LoadAsync<AanvraagKenmerk>(subject["aanvraag-".Length..], ct);
            return kenmerk is null ? ([], null) : ([kenmerk.Omgevingsdienst], kenmerk.Regeling);
        }

        var ods = new List<string>();
        if (subject is { Length: > 0 } && !subject.Contains('-', StringComparison.Ordinal))
        {
            ods.Add(subject);
        }

        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var veld in data.EnumerateObject())
            {
                if (veld.NameEquals("omgevingsdienst") && veld.Value.ValueKind == JsonValueKind.String)
                {
                    ods.Add(veld.Value.GetString()!);
                }
                else if ((veld.NameEquals("omgevingsdiensten") || veld.NameEquals("deelnemers")) && veld.Value.ValueKind == JsonValueKind.Array)
                {
                    ods.AddRange(veld.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                }
            }
        }

        return ([.. ods.Distinct(StringComparer.Ordinal)], null);
    }
}
