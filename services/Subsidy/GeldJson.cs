using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RobuustOD.Subsidy;

/// <summary>
/// Amounts in this service's JSON always carry at least two decimals (<c>7000000.00</c>, <c>0.00</c>): a
/// <c>decimal</c> keeps the scale it was computed with, so a sum that started at 0 would otherwise print as
/// <c>0</c> or <c>130000</c>, and administrations that read the JSON as text see cents where they expect them. More
/// decimals than two are never cut (a percentage may have them). Reading is the default, strict: a number, no string.
/// </summary>
public sealed class GeldJson : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var waarde)
            ? waarde
            : throw new JsonException("Een bedrag is een getal.");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Tekst(value), skipInputValidation: true);

    /// <summary>The amount as the JSON has it: at least two decimals, all that it has.</summary>
    public static string Tekst(decimal value) => value.ToString("0.00##########################", CultureInfo.InvariantCulture);

    /// <summary>
    /// A custom converter hides from the OpenAPI generator that a <c>decimal</c> is a JSON number: the schema says it
    /// again, as it read before the converter (nullable where the property is).
    /// </summary>
    public static Task Schema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (schema.Type is null && (type == typeof(decimal) || type == typeof(decimal?)))
        {
            schema.Type = type == typeof(decimal) ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
        }
        else if (schema.Type == JsonSchemaType.Array && schema.Items is null or { Type: null }
            && type.IsAssignableTo(typeof(IEnumerable<decimal>)))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" };
        }

        return Task.CompletedTask;
    }
}
