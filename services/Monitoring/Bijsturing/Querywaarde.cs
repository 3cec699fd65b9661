using System.Text.Json;
using RobuustOD.Domain;

namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>
/// An enum in a query string, spelled as in the JSON (camelCase): the framework's own binding would also accept numbers
/// and other casing, and would not name the parameter in its 400.
/// </summary>
public static class Querywaarde
{
    public static T? Lees<T>(string? waarde, string parameter)
        where T : struct, Enum
    {
        if (waarde is null)
        {
            return null;
        }

        foreach (var kandidaat in Enum.GetValues<T>())
        {
            if (JsonNamingPolicy.CamelCase.ConvertName(kandidaat.ToString()) == waarde)
            {
                return kandidaat;
            }
        }

        var namen = string.Join(", ", Enum.GetValues<T>().Select(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString())));
        throw DomainRuleException.Invalid(parameter, $"'{parameter}' moet een van {namen} zijn.");
    }
}
