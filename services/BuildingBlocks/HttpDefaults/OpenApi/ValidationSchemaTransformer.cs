using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace RobuustOD.HttpDefaults.OpenApi;

/// <summary>
/// Request records bind every member as nullable so that FluentValidation can report all missing
/// fields at once; the document should still tell clients what is required. The validator is the
/// single source: a NotNull/NotEmpty rule makes a property required and non-null in the schema.
/// </summary>
internal sealed class ValidationSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var validatorType = typeof(IValidator<>).MakeGenericType(type);
        if (schema.Properties is null || context.ApplicationServices.GetService(validatorType) is not IValidator validator)
        {
            return Task.CompletedTask;
        }

        var descriptor = validator.CreateDescriptor();
        var required = new HashSet<string>();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            var member = (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;
            var verplicht = descriptor.GetValidatorsForMember(member)
                .Any(v => v.Validator is INotNullValidator or INotEmptyValidator);
            if (verplicht || property.IsRequired)
            {
                required.Add(property.Name);
            }

            if (verplicht && schema.Properties.TryGetValue(property.Name, out var p) && p is OpenApiSchema concrete && concrete.Type is { } t)
            {
                concrete.Type = t & ~JsonSchemaType.Null;
            }
        }

        schema.Required = required;
        return Task.CompletedTask;
    }
}
