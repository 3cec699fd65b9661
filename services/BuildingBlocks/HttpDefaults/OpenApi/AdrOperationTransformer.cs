using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.HttpDefaults.OpenApi;

/// <summary>
/// Per operation: the API-Version header on success, every error typed as problem+json,
/// a documented 400 wherever input exists, and 401/403 plus the bearer requirement on
/// operations that need a token.
/// </summary>
internal sealed class AdrOperationTransformer(ApiDescriptor api) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        operation.Responses ??= new OpenApiResponses();

        var hasInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
        if (hasInput)
        {
            Ensure(operation, "400", "Ongeldige invoer.");
        }

        var path = context.Description.RelativePath ?? "";
        var isWrite = context.Description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE";
        if (path.Contains('{', StringComparison.Ordinal))
        {
            Ensure(operation, "404", "De resource bestaat niet.");
        }

        if (isWrite)
        {
            Ensure(operation, "409", "Het verzoek botst met de toestand van de resource, of met een gelijktijdige wijziging.");
            Ensure(operation, "429", "Te veel schrijfverzoeken van deze client; zie Retry-After.");
        }

        if (isWrite && path.Contains('{', StringComparison.Ordinal))
        {
            Ensure(operation, "412", "De If-Match-versie is verouderd.");
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = "De ETag (versie) die de client het laatst zag; bij een nieuwere versie volgt 412.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).ToList();
        if (!policies.Contains(Policies.Publiek))
        {
            Ensure(operation, "401", "Geen of ongeldig toegangstoken.");
            Ensure(operation, "403", "Het toegangstoken geeft geen recht op deze handeling.");
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdrDocumentTransformer.BearerScheme, document)] = [] },
            ];
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (status.StartsWith('2') || status.StartsWith('3'))
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["API-Version"] = new OpenApiHeader
                {
                    Description = "De volledige versie (SemVer) van deze API.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [System.Text.Json.Nodes.JsonValue.Create(api.Version)] },
                };
            }
            else if (status.StartsWith('4') || status.StartsWith('5'))
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(AdrDocumentTransformer.ProblemSchema, document),
                    },
                };
            }
        }

        return Task.CompletedTask;
    }

    private static void Ensure(OpenApiOperation operation, string status, string description)
    {
        if (!operation.Responses!.ContainsKey(status))
        {
            operation.Responses[status] = new OpenApiResponse { Description = description };
        }
        else if (operation.Responses[status] is OpenApiResponse { Description: null or "" or "Bad Request" } existing)
        {
            existing.Description = description;
        }
    }
}
