using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using RobuustOD.HttpDefaults;

namespace RobuustOD.Platform.ContractTests;

/// <summary>
/// The rules of the NL GOV API Design Rules linter (<c>../shared/lint/adr-ruleset.yaml</c>) that can be checked on the
/// JSON of a document, each returning its violations. Named after the Spectral rule(s) they stand for; where a rule
/// here is stricter than Spectral's, its comment says so. Not here: what needs judgement (Dutch nouns, plural
/// collections), example validation (oas3-valid-*-example) and the schema-name casing warning.
/// </summary>
internal static partial class AdrRules
{
    public static readonly IReadOnlyDictionary<string, Func<JsonObject, ApiDescriptor, IEnumerable<string>>> All =
        new Dictionary<string, Func<JsonObject, ApiDescriptor, IEnumerable<string>>>
        {
            ["geldig-openapi-document"] = GeldigDocument,
            ["openapi-3"] = OpenApi3,
            ["info-version-semver"] = InfoVersion,
            ["info-contact"] = InfoContact,
            ["servers-major-versie"] = Servers,
            ["paden-zonder-slash-aan-het-eind"] = PadenZonderSlash,
            ["paden-kebab-case"] = PadenKebabCase,
            ["alleen-standaardmethoden"] = StandaardMethoden,
            ["operation-id"] = OperationIds,
            ["padparameters"] = PadParameters,
            ["tags-uniek"] = TagsUniek,
            ["400-bij-invoer"] = OngeldigeInvoer,
            ["api-version-header"] = ApiVersionHeader,
            ["fouten-als-problem-json"] = ProblemJson,
            ["query-lower-camel-case"] = QueryCamelCase,
            ["datums-en-tijden"] = Datums,
        };

    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Every operation of the document: its path, method and JSON.</summary>
    private static IEnumerable<(string Path, string Method, JsonObject Operation, JsonObject PathItem)> Operations(JsonObject document)
    {
        if (document["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var (method, operation) in pathItem)
            {
                if (OperationMethods.Contains(method) && operation is JsonObject op)
                {
                    yield return (path, method, op, pathItem);
                }
            }
        }
    }

    /// <summary>The parameters of an operation, path-level ones included, with <c>$ref</c>s resolved.</summary>
    private static List<JsonObject> Parameters(JsonObject document, JsonObject operation, JsonObject pathItem) =>
        [.. new[] { pathItem["parameters"], operation["parameters"] }
            .OfType<JsonArray>().SelectMany(a => a).Select(p => Resolve(document, p)).OfType<JsonObject>()];

    private static JsonNode? Resolve(JsonObject document, JsonNode? node)
    {
        for (var depth = 0; depth < 10 && node is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference; depth++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            node = reference[2..].Split('/').Aggregate((JsonNode?)document,
                (current, part) => current?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]);
        }

        return node;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // oas3-schema (stand-in): the document reads as OpenAPI without errors and passes Microsoft.OpenApi's default validation rules.
    private static List<string> GeldigDocument(JsonObject document, ApiDescriptor api)
    {
        var errors = new List<string>();
        try
        {
            var result = OpenApiDocument.Parse(document.ToJsonString(), "json", new OpenApiReaderSettings());
            errors.AddRange((result.Diagnostic?.Errors ?? []).Select(e => $"{e.Pointer}: {e.Message}"));
            if (result.Document is { } parsed)
            {
                errors.AddRange((parsed.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []).Select(e => $"{e.Pointer}: {e.Message}"));
            }
        }
        catch (Exception ex) when (ex is OpenApiException or InvalidOperationException or FormatException or ArgumentException)
        {
            // A reader that gives up is a verdict too: the document is not OpenAPI it can read.
            errors.Add($"unreadable: {ex.GetType().Name}: {ex.Message}");
        }

        return errors;
    }

    // nlgov:openapi-root-exists, nlgov:openapi3
    private static IEnumerable<string> OpenApi3(JsonObject document, ApiDescriptor api)
    {
        if (Text(document["openapi"]) is not { } version || !OpenApiVersion().IsMatch(version))
        {
            yield return $"openapi is '{document["openapi"]}', expected a 3.x version";
        }
    }

    // nlgov:semver; and the version the service sends in API-Version (ADR: the document and the header agree).
    private static IEnumerable<string> InfoVersion(JsonObject document, ApiDescriptor api)
    {
        var version = Text(document["info"]?["version"]);
        if (version is null || !SemVer().IsMatch(version))
        {
            yield return $"info.version '{version}' is not SemVer";
        }

        if (version != api.Version)
        {
            yield return $"info.version '{version}' differs from the API-Version the service sends ('{api.Version}')";
        }
    }

    // info-contact, nlgov:info-contact-fields-exist (stricter: the fields must also be non-empty)
    private static IEnumerable<string> InfoContact(JsonObject document, ApiDescriptor api)
    {
        if (document["info"]?["contact"] is not JsonObject contact)
        {
            yield return "info.contact is missing";
            yield break;
        }

        foreach (var field in new[] { "name", "url", "email" })
        {
            if (string.IsNullOrWhiteSpace(Text(contact[field])))
            {
                yield return $"info.contact.{field} is missing";
            }
        }
    }

    // nlgov:include-major-version-in-uri, oas3-api-servers, nlgov:servers-use-https (a warning in Spectral; an error here);
    // and the first server is the service's own versioned base path.
    private static IEnumerable<string> Servers(JsonObject document, ApiDescriptor api)
    {
        if (document["servers"] is not JsonArray { Count: > 0 } servers)
        {
            yield return "servers is missing or empty";
            yield break;
        }

        foreach (var url in servers.Select(s => Text(s?["url"])))
        {
            if (url is null || !MajorVersionInUri().IsMatch(url))
            {
                yield return $"servers[].url '{url}' does not carry the major version (/v1)";
            }

            if (url is not null && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"servers[].url '{url}' is plain http";
            }
        }

        if (Text(servers[0]?["url"]) != api.BasePath)
        {
            yield return $"servers[0].url is '{Text(servers[0]?["url"])}', expected the base path '{api.BasePath}'";
        }
    }

    // path-keys-no-trailing-slash, nlgov:paths-no-trailing-slash
    private static IEnumerable<string> PadenZonderSlash(JsonObject document, ApiDescriptor api) =>
        (document["paths"] as JsonObject ?? []).Select(p => p.Key)
            .Where(path => path.Length > 1 && path.EndsWith('/'))
            .Select(path => $"path '{path}' ends with '/'");

    // nlgov:paths-kebab-case, with the ruleset's own pattern; stricter: no '.' in a literal segment (ADR: no file
    // extensions), which the pattern lets through after the first segment.
    private static IEnumerable<string> PadenKebabCase(JsonObject document, ApiDescriptor api)
    {
        foreach (var path in (document["paths"] as JsonObject ?? []).Select(p => p.Key))
        {
            if (OpenApiPath().IsMatch(path))
            {
                continue;
            }

            if (!KebabPath().IsMatch(path))
            {
                yield return $"path '{path}' is not lowercase kebab-case";
            }
            else if (path.Split('/').Any(segment => !segment.StartsWith('{') && segment.Contains('.', StringComparison.Ordinal)))
            {
                yield return $"path '{path}' has a file extension";
            }
        }
    }

    // nlgov:http-methods (its intent: only standard HTTP methods; the ruleset's selector is broken and matches nothing)
    private static IEnumerable<string> StandaardMethoden(JsonObject document, ApiDescriptor api)
    {
        string[] allowed = ["get", "put", "post", "delete", "patch", "head", "options", "summary", "description", "parameters", "servers", "$ref"];
        foreach (var (path, item) in document["paths"] as JsonObject ?? [])
        {
            foreach (var key in (item as JsonObject ?? []).Select(p => p.Key).Where(k => !allowed.Contains(k) && !k.StartsWith("x-", StringComparison.Ordinal)))
            {
                yield return $"{path}: '{key}' is not a standard HTTP method";
            }
        }
    }

    // operation-operationId-unique; stricter: every operation has one (clients are generated from them).
    private static IEnumerable<string> OperationIds(JsonObject document, ApiDescriptor api)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, method, operation, _) in Operations(document))
        {
            var id = Text(operation["operationId"]);
            if (string.IsNullOrWhiteSpace(id))
            {
                yield return $"{method.ToUpperInvariant()} {path} has no operationId";
            }
            else if (!seen.TryAdd(id, $"{method.ToUpperInvariant()} {path}"))
            {
                yield return $"operationId '{id}' of {method.ToUpperInvariant()} {path} is also used by {seen[id]}";
            }
        }
    }

    // path-params: every template variable is a required path parameter of each operation, and vice versa.
    private static IEnumerable<string> PadParameters(JsonObject document, ApiDescriptor api)
    {
        foreach (var (path, method, operation, pathItem) in Operations(document))
        {
            var template = TemplateVariable().Matches(path).Select(m => m.Groups[1].Value).ToList();
            var declared = Parameters(document, operation, pathItem).Where(p => Text(p["in"]) == "path").ToList();
            var names = declared.Select(p => Text(p["name"]) ?? "").ToList();
            foreach (var variable in template.Where(v => !names.Contains(v)))
            {
                yield return $"{method.ToUpperInvariant()} {path}: {{{variable}}} has no path parameter";
            }

            foreach (var name in names.Where(n => !template.Contains(n)))
            {
                yield return $"{method.ToUpperInvariant()} {path}: path parameter '{name}' is not in the path";
            }

            foreach (var duplicate in names.GroupBy(n => n).Where(g => g.Count() > 1))
            {
                yield return $"{method.ToUpperInvariant()} {path}: path parameter '{duplicate.Key}' is declared twice";
            }

            foreach (var parameter in declared.Where(p => p["required"]?.GetValue<bool>() != true))
            {
                yield return $"{method.ToUpperInvariant()} {path}: path parameter '{Text(parameter["name"])}' is not required";
            }
        }
    }

    // openapi-tags-uniqueness
    private static IEnumerable<string> TagsUniek(JsonObject document, ApiDescriptor api) =>
        (document["tags"] as JsonArray ?? []).Select(t => Text(t?["name"]) ?? "")
            .GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"tag '{g.Key}' is declared {g.Count()} times");

    // nlgov:problem-invalid-input: POST/PUT/PATCH always, GET/DELETE with parameters, document a 400.
    private static IEnumerable<string> OngeldigeInvoer(JsonObject document, ApiDescriptor api)
    {
        foreach (var (path, method, operation, pathItem) in Operations(document))
        {
            var needs = method is "post" or "put" or "patch"
                || (method is "get" or "delete" && Parameters(document, operation, pathItem).Count > 0);
            if (needs && operation["responses"]?["400"] is null)
            {
                yield return $"{method.ToUpperInvariant()} {path} documents no 400";
            }
        }
    }

    // nlgov:missing-header, nlgov:missing-version-header: every 2xx/3xx response documents API-Version.
    private static IEnumerable<string> ApiVersionHeader(JsonObject document, ApiDescriptor api)
    {
        foreach (var (path, method, operation, _) in Operations(document))
        {
            foreach (var (status, response) in operation["responses"] as JsonObject ?? [])
            {
                if (!SuccessOrRedirect().IsMatch(status))
                {
                    continue;
                }

                var headers = Resolve(document, response)?["headers"] as JsonObject;
                if (headers is null || !headers.Any(h => string.Equals(h.Key, "API-Version", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return $"{method.ToUpperInvariant()} {path} {status} documents no API-Version header";
                }
            }
        }
    }

    // nlgov:use-problem-schema, nlgov:problem-schema-members. Stricter: a $ref is followed (Spectral checks only inline
    // schemas) and status, title and detail must also be required (ADR: always present).
    private static IEnumerable<string> ProblemJson(JsonObject document, ApiDescriptor api)
    {
        foreach (var (path, method, operation, _) in Operations(document))
        {
            foreach (var (status, node) in operation["responses"] as JsonObject ?? [])
            {
                if (!ClientOrServerError().IsMatch(status))
                {
                    continue;
                }

                var where = $"{method.ToUpperInvariant()} {path} {status}";
                if (Resolve(document, node)?["content"] is not JsonObject content
                    || !(content.ContainsKey("application/problem+json") || content.ContainsKey("application/problem+xml")))
                {
                    yield return $"{where} is not typed application/problem+json";
                    continue;
                }

                foreach (var (mediaType, media) in content.Where(c => c.Key.StartsWith("application/problem+", StringComparison.Ordinal)))
                {
                    var schema = Resolve(document, media?["schema"]) as JsonObject;
                    var properties = schema?["properties"] as JsonObject;
                    var required = (schema?["required"] as JsonArray ?? []).Select(Text).ToHashSet();
                    foreach (var member in new[] { "status", "title", "detail" })
                    {
                        if (properties?.ContainsKey(member) != true)
                        {
                            yield return $"{where} {mediaType}: the schema has no '{member}'";
                        }
                        else if (!required.Contains(member))
                        {
                            yield return $"{where} {mediaType}: '{member}' is not required";
                        }
                    }
                }
            }
        }
    }

    // nlgov:query-keys-camel-case
    private static IEnumerable<string> QueryCamelCase(JsonObject document, ApiDescriptor api)
    {
        foreach (var (path, method, operation, pathItem) in Operations(document))
        {
            foreach (var name in Parameters(document, operation, pathItem).Where(p => Text(p["in"]) == "query").Select(p => Text(p["name"]) ?? ""))
            {
                if (!LowerCamelCase().IsMatch(name))
                {
                    yield return $"{method.ToUpperInvariant()} {path}: query key '{name}' is not lowerCamelCase";
                }
            }
        }
    }

    // nlgov:specify-format-for-date-and-time, nlgov:use-date-instead-of-datetime, nlgov:date-time-ensure-timezone,
    // nlgov:time-without-timezone: over every `properties` object anywhere in the document.
    private static IEnumerable<string> Datums(JsonObject document, ApiDescriptor api)
    {
        foreach (var (pointer, properties) in PropertiesObjects(document, "#"))
        {
            foreach (var (name, node) in properties)
            {
                if (node is not JsonObject property)
                {
                    continue;
                }

                var formats = property.ContainsKey("format")
                    ? [Text(property["format"])]
                    : (property["allOf"] as JsonArray ?? []).Select(s => Text(s?["format"])).ToList();
                if (formats.Any(f => f is "date-time-local"))
                {
                    yield return $"{pointer}/{name}: format date-time-local (use date-time with a timezone)";
                }

                if (formats.Any(f => f is "time"))
                {
                    yield return $"{pointer}/{name}: format time (use time-local)";
                }

                if (name is "date" or "datum" || DateName().IsMatch(name))
                {
                    var hasFormat = property.ContainsKey("format")
                        || (property["allOf"] is JsonArray { Count: > 0 } allOf && allOf.All(s => s?["format"] is not null));
                    if (!hasFormat)
                    {
                        yield return $"{pointer}/{name}: a date field without a format";
                    }
                    else if (formats.Any(f => f is "date-time"))
                    {
                        yield return $"{pointer}/{name}: a date field with format date-time (use date)";
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Pointer, JsonObject Properties)> PropertiesObjects(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var childPointer = $"{pointer}/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                    if (key == "properties" && child is JsonObject properties)
                    {
                        yield return (childPointer, properties);
                    }

                    foreach (var nested in PropertiesObjects(child, childPointer))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var nested in PropertiesObjects(a[i], $"{pointer}/{i}"))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"^3(.\d+){1,2}$")]
    private static partial Regex OpenApiVersion();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"\/v[\d+]")]
    private static partial Regex MajorVersionInUri();

    [GeneratedRegex(@"\/openapi\.(json)|(yaml)")]
    private static partial Regex OpenApiPath();

    [GeneratedRegex(@"^(\/|(\/_[a-z0-9]+|\/(([a-z0-9\-]+|{[^}]+})(\/([a-z0-9\-\.]+|{[^}]+}))*)(\/_[a-z]+)?)\/?)$")]
    private static partial Regex KebabPath();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateVariable();

    [GeneratedRegex(@"^(2|3)\d\d$")]
    private static partial Regex SuccessOrRedirect();

    [GeneratedRegex(@"^(4|5)\d\d$")]
    private static partial Regex ClientOrServerError();

    [GeneratedRegex(@"^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$")]
    private static partial Regex LowerCamelCase();

    [GeneratedRegex(@"((\w+D)|(_[dD]))((ate)|(atum))")]
    private static partial Regex DateName();
}
