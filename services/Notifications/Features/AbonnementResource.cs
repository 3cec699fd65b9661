using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Marten;
using RobuustOD.Contracts.Api;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Features;

/// <summary>Hoe de dienst zich bij de abonnee aanmeldt; geheimen worden nooit teruggegeven.</summary>
public sealed record AuthenticatieResource(Authenticatiesoort Soort, string? TokenUrl, string? ClientId, string? Scope);

public sealed record AbonnementLinks(Link Self, Link Afleveringen, Link Gebeurtenissen);

/// <summary>Een abonnement: waar, welke gebeurtenissen, welk filter, hoe aangemeld, wie gewaarschuwd wordt, en hoe het ervoor staat.</summary>
public sealed record AbonnementResource(
    string Id,
    string Sink,
    IReadOnlyList<string> Types,
    Filter? Filters,
    AuthenticatieResource Authenticatie,
    string Contact,
    string? AbonneeReferentie,
    bool Informatiearm,
    AbonnementStatus Status,
    string? Reden,
    int? ToegestaanTempo,
    string Rol,
    string? Omgevingsdienst,
    DateTimeOffset AangemaaktOp,
    DateTimeOffset GewijzigdOp,
    DateTimeOffset? GeheimGeroteerdOp,
    int AantalMislukt,
    AfleveringMislukt? LaatsteMislukking,
    long Versie,
    [property: JsonPropertyName("_links")] AbonnementLinks Links)
{
    public static AbonnementResource Van(Abonnement a, ApiDescriptor api)
    {
        var self = $"{api.BasePath}/abonnementen/{a.AbonnementId}";
        var i = a.Instellingen;
        return new(a.AbonnementId, i.Sink, i.Types, i.Filter, new AuthenticatieResource(i.Authenticatie, i.OAuth2?.TokenUrl, i.OAuth2?.ClientId, i.OAuth2?.Scope),
            i.Contact, i.Abonneereferentie, i.Informatiearm, a.Status, a.Reden, a.ToegestaanTempo, a.Rol, a.Od, a.AangemaaktOp, a.GewijzigdOp,
            a.GeheimGeroteerdOp, a.AantalMislukt, a.LaatsteMislukking, a.Version,
            new AbonnementLinks(new Link(self), new Link($"{self}/afleveringen"), new Link($"{self}/gebeurtenissen")));
    }
}

public static partial class AbonnementId
{
    /// <summary>An id that cannot exist is not found, before it reaches a stream key.</summary>
    public static string Controleer(string id) => Patroon().IsMatch(id) ? id : throw DomainRuleException.NotFound($"Abonnement '{Kort(id)}' bestaat niet.");

    /// <summary>The subscription as the caller may see it (404 otherwise).</summary>
    public static async Task<Abonnement> ZichtbaarAsync(IDocumentSession session, Gebruiker gebruiker, string id, CancellationToken ct) =>
        gebruiker.Zichtbaar(await session.Events.FetchLatest<Abonnement>(Abonnement.StreamKey(Controleer(id)), ct), id);

    private static string Kort(string id) => string.Concat(id.Take(40).Select(c => char.IsControl(c) ? '?' : c));

    [GeneratedRegex(Abonnement.IdPattern)]
    private static partial Regex Patroon();
}
