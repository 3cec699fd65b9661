using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace RobuustOD.Contracts.Register.Api;

public static class RegisterApiClientExtensions
{
    /// <summary>
    /// Registers <see cref="IRegisterApi"/>: the source-generated Refit client (no reflection), the contracts'
    /// JSON, and exactly one standard resilience pipeline (retries on transient errors, a circuit breaker,
    /// 10 s per attempt and 30 s in all). Chain on the returned builder to add e.g. an authentication handler.
    /// </summary>
    /// <param name="baseAddress">The host or gateway serving <c>/register/v1</c>, e.g. <c>https://api.example.nl</c>.</param>
    /// <param name="resilience">Adjusts the pipeline; keep the total timeout above the attempt timeout and the
    /// breaker's sampling duration at least twice the attempt timeout, or the options fail validation.</param>
    public static IHttpClientBuilder AddRegisterApiClient(this IServiceCollection services, Uri baseAddress,
        Action<HttpStandardResilienceOptions>? resilience = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var builder = services
            .AddRefitGeneratedClient<IRegisterApi>(ContractsJsonContext.Default, _ => Settings())
            .ConfigureHttpClient(client => client.BaseAddress = baseAddress);
        // A host that adds a standard handler to every client (ConfigureHttpClientDefaults, as the RobuustOD
        // services do) would otherwise nest two pipelines: retries of retries.
#pragma warning disable EXTEXP0001 // Evaluation API; the only way to opt one client out of ConfigureHttpClientDefaults.
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.AddStandardResilienceHandler(options =>
        {
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
            resilience?.Invoke(options);
        });
        return builder;
    }

    /// <summary>The contracts' JSON (from the generated context) and query values as the OpenAPI documents write them.</summary>
    public static RefitSettings Settings() =>
        new(SystemTextJsonContentSerializer.ForContext(ContractsJsonContext.Default), new QueryValueFormatter());

    /// <summary>Booleans as <c>true</c>/<c>false</c> (not .NET's <c>True</c>); everything else as Refit does it.</summary>
    private sealed class QueryValueFormatter : IUrlParameterFormatter
    {
        private readonly DefaultUrlParameterFormatter _default = new();

        public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => value is bool b
            ? b ? "true" : "false"
            : _default.Format(value, attributeProvider, type);
    }
}
