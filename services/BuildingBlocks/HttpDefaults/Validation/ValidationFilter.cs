using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.HttpDefaults.Validation;

/// <summary>
/// Validates the request body with its FluentValidation validator before the handler runs,
/// answering 400 with every invalid field at once (NL GOV ADR: all errors in one response).
/// </summary>
public sealed class ValidationFilter<T> : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige invoer",
                detail: "Het verzoek heeft geen inhoud; verwacht wordt een JSON-object.");
        }

        var result = await validator.ValidateAsync(body, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors, title: "Ongeldige invoer",
            detail: $"Het verzoek bevat {errors.Count} ongeldig(e) veld(en); zie 'errors'.");
    }

    // FluentValidation reports C# property paths ("Opvolger.Code", "Provincies[0]"); clients know JSON names.
    private static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

public static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>();
}
