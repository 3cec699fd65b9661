using System.Text.Json.Serialization;
using RobuustOD.Contracts.Api;
using RobuustOD.HttpDefaults;
using RobuustOD.Notifications.Afleveringen;

namespace RobuustOD.Notifications.Features;

public sealed record AfleveringLinks(Link Self, Link Herbezorging, Link Abonnement);

/// <summary>Eén gebeurtenis voor één abonnement: status (wachtend, afgeleverd, mislukt), het logboek van de pogingen, herbezorgingen.</summary>
public sealed record AfleveringResource(
    string Id,
    long Volgnummer,
    string GebeurtenisId,
    string Type,
    string? Subject,
    string Status,
    int AantalPogingen,
    DateTimeOffset? VolgendePogingOp,
    DateTimeOffset AangemaaktOp,
    DateTimeOffset? AfgeleverdOp,
    DateTimeOffset? MisluktOp,
    int Herbezorgingen,
    IReadOnlyList<Poging> Pogingen,
    [property: JsonPropertyName("_links")] AfleveringLinks Links)
{
    public static AfleveringResource Van(Aflevering a, ApiDescriptor api)
    {
        var abonnement = $"{api.BasePath}/abonnementen/{a.AbonnementId}";
        var self = $"{abonnement}/afleveringen/{a.Id}";
        return new(a.Id, a.Volgnummer, a.GebeurtenisId, a.Type, a.Onderwerp.Length == 0 ? null : a.Onderwerp, a.Status, a.AantalPogingen,
            a.Status == Aflevering.Wachtend ? a.VolgendePogingOp : null, a.AangemaaktOp, a.AfgeleverdOp, a.MisluktOp, a.Herbezorgingen, a.Pogingen,
            new AfleveringLinks(new Link(self), new Link($"{self}/herbezorging"), new Link(abonnement)));
    }
}
