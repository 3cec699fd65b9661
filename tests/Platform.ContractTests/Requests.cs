using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace RobuustOD.Platform.ContractTests;

/// <summary>Requests made from an endpoint's own metadata, so that the checks need no knowledge of any service's API.</summary>
internal static class Requests
{
    /// <summary>A concrete path that the endpoint's route matches: each parameter gets a value its handler can bind.</summary>
    public static string SamplePath(RouteEndpoint endpoint)
    {
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter, handler),
            _ => throw new NotSupportedException(part.GetType().Name),
        })));
        return "/" + string.Join('/', segments);
    }

    public static IReadOnlyList<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];

    /// <summary>True when the endpoint binds a JSON request body (it then answers 415 to another media type).</summary>
    public static bool TakesJsonBody(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
        && accepts.ContentTypes.Any(t => t.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));

    public static string Describe(string method, string path) => $"{method} {path}";

    // Route constraints first (a value that breaks one would not match the route at all), then the handler's
    // parameter type (a value it cannot bind would give 400 before the check in question is reached).
    private static string SampleValue(RoutePatternParameterPart parameter, MethodInfo? handler)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        var type = handler?.GetParameters().FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))?.ParameterType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (constraints.Contains("int") || constraints.Contains("long") || type == typeof(int) || type == typeof(long))
        {
            return "1";
        }

        if (constraints.Contains("guid") || type == typeof(Guid))
        {
            return "3f2b8c1e-0d4a-4f6e-9b7a-2c5d8e1f0a3b";
        }

        if (type == typeof(DateOnly))
        {
            return "2025-01-01";
        }

        return "ONBEKEND1";
    }
}
