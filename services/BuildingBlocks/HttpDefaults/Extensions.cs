using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RobuustOD.HttpDefaults.Http;
using RobuustOD.HttpDefaults.OpenApi;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Security;
using Scalar.AspNetCore;

namespace RobuustOD.HttpDefaults;

public static class Extensions
{
    private const string OpenCorsPolicy = "openapi";

    /// <summary>The cross-cutting wiring every RobuustOD service shares.</summary>
    /// <param name="schemas">The service's own schema transformers (a type written in its own JSON form, such as an
    /// amount): they run before the validation rules mark properties required and non-null, which read the schema whole.</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, ApiDescriptor api, Assembly serviceAssembly,
        params IReadOnlyList<Func<Microsoft.OpenApi.OpenApiSchema, OpenApiSchemaTransformerContext, CancellationToken, Task>> schemas)
    {
        builder.Services.AddSingleton(api);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTelemetry();
        builder.AddRobuustAuthentication();
        builder.Services.AddRfc9457Problems();
        builder.Services.AddWriteRateLimiting(builder.Configuration);
        builder.Services.AddValidatorsFromAssembly(serviceAssembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);

        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        // Binding failures must reach the problem handler (with their reason) in every environment.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The size rule itself is RequestSizeLimit's (413 before binding, chunked or not); Kestrel's limit is the backstop
            // for the part of an over-size body that is read and discarded so that the client gets to see the 413.
            kestrel.Limits.MaxRequestBodySize = Math.Max(MaxRequestBodyBytes(builder.Configuration), RequestSizeLimit.DrainLimit);
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.AddServerHeader = false;
        });

        builder.Services.AddCors(cors =>
        {
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            cors.AddDefaultPolicy(policy => policy.WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "Accept")
                .WithExposedHeaders("API-Version", "ETag", "Location", "Link"));
            cors.AddPolicy(OpenCorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET"));
        });

        builder.Services.AddOpenApi("v1", options =>
        {
            // Features nest their request types (RegistreerOmgevingsdienst.Verzoek): name schemas after both.
            options.CreateSchemaReferenceId = type => type.Type.IsNested && type.Type.DeclaringType is { } outer
                ? outer.Name + type.Type.Name
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer(new AdrDocumentTransformer(api));
            options.AddOperationTransformer(new AdrOperationTransformer(api));
            foreach (var schema in schemas)
            {
                options.AddSchemaTransformer(schema);
            }

            options.AddSchemaTransformer<ValidationSchemaTransformer>();
        });

        return builder;
    }

    private static long MaxRequestBodyBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? RequestSizeLimit.DefaultLimit;

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.AllowTrailingCommas = false;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    /// <summary>Middleware order and the endpoints every service shares (health, OpenAPI, docs).</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        var api = app.Services.GetRequiredService<ApiDescriptor>();
        app.UseRfc9457Problems();
        app.UseAdrConventions(api);
        app.UseRequestSizeLimit(MaxRequestBodyBytes(app.Configuration));
        app.UseCors();
        app.UseAuthentication();
        app.UseWriteRateLimiting();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .AllowAnonymous().ExcludeFromDescription();

        app.MapOpenApi(api.OpenApiPath).AllowAnonymous().RequireCors(OpenCorsPolicy).ExcludeFromDescription();
        app.MapScalarApiReference(api.DocsPath, options => options
                .WithTitle(api.Title)
                .WithOpenApiRoutePattern(api.OpenApiPath))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>A route group for a service's API under its versioned base path.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, ApiDescriptor api) =>
        endpoints.MapGroup(api.BasePath);
}
