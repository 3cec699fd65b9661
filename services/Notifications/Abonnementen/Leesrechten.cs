using RobuustOD.Contracts.Eventing;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Notifications.Abonnementen;

/// <summary>
/// Which event types each role may be notified of: the read rules of the publishing services, per type. Drafts are
/// never published by any service (no contract event exists for one), so they are never notified.
/// <list type="bullet">
/// <item>register: public data, every role.</item>
/// <item>beoordeling: only published assessments and the public catalogue leave the service; every role.</item>
/// <item>monitoring: submitted reports, overdue, corrections, IenW's judgements, the final result and the report to parliament
/// are read by every role; escalation steps, conversations and decisions only by <c>ienw</c>, <c>beoordelaar</c> and the OD they name.</item>
/// <item>subsidie: requests exist for IenW, the scheme's owner (<c>Notificaties:Regelingeigenaren</c>) and the OD itself.</item>
/// </list>
/// An <c>od</c> subscription receives only events about its own OD (<see cref="Kenmerken.Omgevingsdiensten"/>), whatever its
/// filter says; a filter that names another OD, or negates its own, is refused at creation.
/// </summary>
public static class Leesrechten
{
    private static readonly string[] Iedereen = [Roles.Ienw, Roles.Beoordelaar, Roles.Odnl, Roles.Ipo, Roles.Vng, Roles.Od];

    private static readonly string[] Vertrouwelijk = [Roles.Ienw, Roles.Beoordelaar, Roles.Od];

    private static readonly string[] Aanvragen = [Roles.Ienw, Roles.Odnl, Roles.Od];

    private static readonly HashSet<string> VertrouwelijkeMonitoring = new(StringComparer.Ordinal)
    {
        "nl.robuustod.monitoring.escalatie-geopend.v1",
        "nl.robuustod.monitoring.escalatie-afgerond.v1",
        "nl.robuustod.monitoring.gesprek-gevoerd.v1",
        "nl.robuustod.monitoring.besluit-maatregelen-genomen.v1",
    };

    /// <summary>The topics notified: every topic of the backbone but the notification service's own.</summary>
    public static readonly IReadOnlyList<string> Topics = [PubSub.Topics.Register, PubSub.Topics.Beoordeling, PubSub.Topics.Monitoring, PubSub.Topics.Subsidie];

    /// <summary>Every contract type of those topics, by type.</summary>
    public static readonly IReadOnlyDictionary<string, string> TopicVan = IntegrationEventCatalogue.All
        .Select(IntegrationEventCatalogue.Describe)
        .Where(c => Topics.Contains(c.Topic))
        .ToDictionary(c => c.Type, c => c.Topic, StringComparer.Ordinal);

    /// <summary>The roles that may read events of <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> RollenVoor(string type) =>
        !TopicVan.TryGetValue(type, out var topic) ? []
        : topic == PubSub.Topics.Subsidie ? Aanvragen
        : VertrouwelijkeMonitoring.Contains(type) ? Vertrouwelijk
        : Iedereen;

    public static bool TypeLeesbaar(string rol, string type) => RollenVoor(type).Contains(rol, StringComparer.Ordinal);

    /// <summary>The types a subscription's entry stands for: one exact type, or every type of a topic the role may read.</summary>
    public static IReadOnlyList<string> TypesVoor(string rol, string typeOfTopic) =>
        Topics.Contains(typeOfTopic, StringComparer.Ordinal)
            ? [.. TopicVan.Where(t => t.Value == typeOfTopic && TypeLeesbaar(rol, t.Key)).Select(t => t.Key).Order(StringComparer.Ordinal)]
            : TypeLeesbaar(rol, typeOfTopic) ? [typeOfTopic] : [];

    /// <summary>
    /// The subscription's choice checked against the role: every entry a known type or topic the role may read (400 naming
    /// <c>types[i]</c>), and for an OD a filter that names no other OD and does not negate its own.
    /// </summary>
    public static void Controleer(Gebruiker gebruiker, IReadOnlyList<string> types, Filter? filter)
    {
        for (var i = 0; i < types.Count; i++)
        {
            var entry = types[i];
            if (!TopicVan.ContainsKey(entry) && !Topics.Contains(entry, StringComparer.Ordinal))
            {
                throw DomainRuleException.Invalid($"types[{i}]", $"'{entry}' is geen gebeurtenistype uit contracts/asyncapi.json en geen topic ({string.Join(", ", Topics)}).");
            }

            if (TypesVoor(gebruiker.Rol, entry).Count == 0)
            {
                throw DomainRuleException.Invalid($"types[{i}]", $"Rol '{gebruiker.Rol}' mag '{entry}' niet lezen, en dus niet erop abonneren.");
            }
        }

        if (gebruiker.Rol == Roles.Od && filter is not null && VerruimtVoorOd(filter, gebruiker.Od ?? "", ontkend: false) is { } reden)
        {
            throw DomainRuleException.Invalid("filters", reden);
        }
    }

    private static string? VerruimtVoorOd(Filter f, string eigen, bool ontkend)
    {
        foreach (var od in new[] { f.Subject, f.Omgevingsdienst }.OfType<string>())
        {
            if (!string.Equals(od, eigen, StringComparison.Ordinal))
            {
                return $"Een omgevingsdienst abonneert zich alleen op gebeurtenissen over zichzelf ({eigen}); het filter noemt '{od}'.";
            }

            if (ontkend)
            {
                return $"Een filter dat '{eigen}' uitsluit, zou om gebeurtenissen over andere omgevingsdiensten vragen.";
            }
        }

        return f.Kinderen.Select(k => VerruimtVoorOd(k, eigen, ontkend || f.Niet is not null)).FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// Whether the subscription's owner may read this event, checked at every delivery: its type for the role, an OD only
    /// about itself, ODNL only requests under the schemes it owns.
    /// </summary>
    public static bool MagLezen(string rol, string? od, Kenmerken e, IReadOnlyDictionary<string, string> regelingeigenaren)
    {
        if (!TypeLeesbaar(rol, e.Type))
        {
            return false;
        }

        if (rol == Roles.Od)
        {
            return od is not null && e.Omgevingsdiensten.Contains(od, StringComparer.Ordinal);
        }

        return rol != Roles.Odnl || e.Topic != PubSub.Topics.Subsidie
            || (e.Regeling is not null && regelingeigenaren.TryGetValue(e.Regeling, out var eigenaar) && eigenaar == Roles.Odnl);
    }

    /// <summary>Whether <paramref name="abonnement"/> receives the event: its types, its filter and its owner's read rights.</summary>
    public static bool Ontvangt(Abonnement abonnement, Kenmerken e, IReadOnlyDictionary<string, string> regelingeigenaren) =>
        abonnement.Status != AbonnementStatus.Verwijderd
        && abonnement.Instellingen.Types.Any(t => t == e.Type || t == e.Topic)
        && (abonnement.Instellingen.Filter?.Past(e) ?? true)
        && MagLezen(abonnement.Rol, abonnement.Od, e, regelingeigenaren);
}
