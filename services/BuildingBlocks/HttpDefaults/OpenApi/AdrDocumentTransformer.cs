using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RobuustOD.HttpDefaults.OpenApi;

/// <summary>
/// Makes the generated document meet the NL GOV API Design Rules: contact, the major
/// version in <c>servers[].url</c> (paths become relative to it), a problem schema and the
/// bearer security scheme.
/// </summary>
internal sealed class AdrDocumentTransformer(ApiDescriptor api) : IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "Probleem";
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = api.Title,
            Description = api.Description,
            Version = api.Version,
            Contact = new OpenApiContact
            {
                Name = "RobuustOD, programma Robuuste omgevingsdiensten",
                Url = new Uri("https://github.com/robuustod"),
                Email = "robuustod@minienw.nl",
            },
        };
        document.Servers = [new OpenApiServer { Url = api.BasePath, Description = "Deze omgeving" }];

        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var relative = path.StartsWith(api.BasePath, StringComparison.Ordinal) ? path[api.BasePath.Length..] : path;
            paths.Add(relative.Length == 0 ? "/" : relative, item);
        }
        document.Paths = paths;

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "OAuth 2.0 access token (client credentials) van de autorisatieserver van het programma.",
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Foutmelding volgens RFC 9457 (application/problem+json).",
        Required = new HashSet<string> { "status", "title", "detail" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Per ongeldig veld de meldingen.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        },
        Examples = [JsonNode.Parse("""{"status":400,"title":"Ongeldige invoer","detail":"Het verzoek bevat 1 ongeldig(e) veld(en); zie 'errors'.","errors":{"code":["'code' mag niet leeg zijn."]}}""")!],
    };
}
