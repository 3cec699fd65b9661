using RobuustOD.Contracts.Api;
using System.Text.Json;
using System.Text.Json.Serialization;
using RobuustOD.Contracts.Beoordeling;
using RobuustOD.Contracts.Monitoring;
using RobuustOD.Contracts.Notificaties;
using RobuustOD.Contracts.Register;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Contracts.Subsidie;

namespace RobuustOD.Contracts;

/// <summary>
/// The JSON of the contracts, as the services write it (ServiceDefaults <c>ConfigureJson</c>): camelCase
/// properties, enums as camelCase strings (never numbers), numbers strictly as numbers, nulls written,
/// dates as <c>yyyy-MM-dd</c>. Readers are tolerant: unknown properties are skipped, so that a service can add
/// a property without breaking its clients or subscribers (a breaking change gets a new version instead).
/// </summary>
public static class ContractJson
{
    /// <summary>Options for the contract types, with source-generated metadata (no reflection).</summary>
    public static JsonSerializerOptions Options => ContractsJsonContext.Default.Options;
}

/// <summary>Enums as camelCase strings, never numbers; a type the source generator can instantiate for every enum.</summary>
public sealed class CamelCaseEnumConverter() : JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

/// <summary>
/// Source-generated JSON metadata for every contract type: API responses and integration events. The Refit clients
/// use it without reflection, so every response and event type must be listed here (Contracts.Tests checks that).
/// </summary>
// The non-generic enum converter (SYSLIB1034, off in Contracts.csproj) makes every enum a camelCase string;
// per-enum converters would silently turn a forgotten enum into numbers. It is not Native-AOT safe: nothing here is.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(CamelCaseEnumConverter)])]
// Register API responses.
[JsonSerializable(typeof(OmgevingsdienstResource))]
[JsonSerializable(typeof(Pagina))]
[JsonSerializable(typeof(Overzicht))]
[JsonSerializable(typeof(FusieResource))]
[JsonSerializable(typeof(FusieLijst))]
[JsonSerializable(typeof(Historie))]
// Register integration events (the data of the CloudEvents).
[JsonSerializable(typeof(OmgevingsdienstGeregistreerdV1))]
[JsonSerializable(typeof(OmgevingsdienstGewijzigdV1))]
[JsonSerializable(typeof(SevesoAangewezenV1))]
[JsonSerializable(typeof(SevesoIngetrokkenV1))]
[JsonSerializable(typeof(FusieAangekondigdV1))]
[JsonSerializable(typeof(FusieVoltooidV1))]
[JsonSerializable(typeof(FusieGeannuleerdV1))]
[JsonSerializable(typeof(OpgesplitstV1))]
[JsonSerializable(typeof(ZelftoetsVastgelegdV1))]
// Assessment (beoordeling) integration events.
[JsonSerializable(typeof(BeoordelingGepubliceerdV1))]
[JsonSerializable(typeof(OordeelHerzienV1))]
[JsonSerializable(typeof(CriteriumScoreGewijzigdV1))]
[JsonSerializable(typeof(CriteriumVastgesteldV1))]
[JsonSerializable(typeof(RobuustOD.Contracts.Monitoring.KamerrapportageVastgesteldV1))]
// Monitoring integration events (reports and due dates).
[JsonSerializable(typeof(VoortgangsrapportageIngediendV1))]
[JsonSerializable(typeof(VoortgangsrapportageTeLaatV1))]
[JsonSerializable(typeof(VoortgangsrapportageVerzuimdV1))]
[JsonSerializable(typeof(VerzuimOpgehevenV1))]
[JsonSerializable(typeof(VoortgangsrapportageGecorrigeerdV1))]
// Monitoring: judgement and escalation (BijsturingEvents.cs).
[JsonSerializable(typeof(VoortgangBeoordeeldV1))]
[JsonSerializable(typeof(EscalatieGeopendV1))]
[JsonSerializable(typeof(EscalatieAfgerondV1))]
[JsonSerializable(typeof(GesprekGevoerdV1))]
[JsonSerializable(typeof(BesluitMaatregelenGenomenV1))]
[JsonSerializable(typeof(EindresultaatVastgelegdV1))]
// Subsidy (subsidie) integration events.
[JsonSerializable(typeof(AanvraagIngediendV1))]
[JsonSerializable(typeof(InformatieGevraagdV1))]
[JsonSerializable(typeof(SubsidieVerleendV1))]
[JsonSerializable(typeof(SubsidieGeweigerdV1))]
[JsonSerializable(typeof(SubsidieBetaaldV1))]
[JsonSerializable(typeof(SubsidieVastgesteldV1))]
[JsonSerializable(typeof(TerugvorderingVastgesteldV1))]
[JsonSerializable(typeof(BezwaarBeslistV1))]
// Notification service (notificaties): operational events for a subscription's contact.
[JsonSerializable(typeof(AfleveringMisluktV1))]
[JsonSerializable(typeof(AbonnementOpgeschortV1))]
[JsonSerializable(typeof(AbonnementUitgeschakeldV1))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
