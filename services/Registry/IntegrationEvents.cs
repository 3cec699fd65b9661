using System.Text.RegularExpressions;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry;

/// <summary>
/// The register's events as the outside world will see them (published through the event
/// backbone as CloudEvents of the NL GOV profile): type <c>nl.robuustod.register.&lt;naam&gt;.v1</c>.
/// </summary>
public static partial class IntegrationEvents
{
    public const string TypePrefix = "nl.robuustod.register.";

    public static readonly IReadOnlyList<Type> Gepubliceerd =
    [
        typeof(OmgevingsdienstGeregistreerd), typeof(OmgevingsdienstGewijzigd), typeof(SevesoAangewezen),
        typeof(SevesoIngetrokken), typeof(FusieAangekondigd), typeof(FusieVoltooid), typeof(FusieGeannuleerd),
        typeof(Opgesplitst), typeof(ZelftoetsVastgelegd),
    ];

    /// <summary>The kebab-case name of an event, e.g. <c>fusie-voltooid</c>.</summary>
    public static string Naam(Type eventType) => Kebab().Replace(eventType.Name, "-$1").ToLowerInvariant();

    /// <summary>The CloudEvent type, e.g. <c>nl.robuustod.register.fusie-voltooid.v1</c>.</summary>
    public static string CloudEventType(Type eventType) => $"{TypePrefix}{Naam(eventType)}.v1";

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Kebab();
}
