using System.Text.Json;
using System.Text.Json.Serialization;
using RobuustOD.Contracts.Register;
using RobuustOD.Contracts.Register.Api;

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

    /// <summary>Applies the wire conventions to reflection-based options (e.g. a service's own JSON options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.AllowTrailingCommas = false;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return json;
    }
}

/// <summary>A string enum converter with camelCase values and no integers, usable by the source generator.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>Source-generated JSON metadata for every contract type: API responses and integration events.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(CamelCaseEnumConverter<OmgevingsdienstStatus>), typeof(CamelCaseEnumConverter<FusieStatus>)])]
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
public sealed partial class ContractsJsonContext : JsonSerializerContext;
