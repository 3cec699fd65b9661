using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.Platform.ContractTests;

/// <summary>What every endpoint of every service declares: who may call it, and a route without a trailing slash.</summary>
public sealed class EndpointTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    public static IEnumerable<TheoryDataRow<string>> Autorisatie => PlatformServices.Rows("autorisatie");

    public static IEnumerable<TheoryDataRow<string>> Routes => PlatformServices.Rows("routes");

    /// <summary>
    /// The endpoints the shared wiring (UseServiceDefaults) maps anonymously on purpose, and nothing else: health
    /// (probes carry no token), the OpenAPI document (ADR: published without authentication) and the docs page with
    /// its assets. Any other endpoint, in any service, must name a policy and must not carry AllowAnonymous.
    /// </summary>
    private static bool IsDeliberatelyAnonymous(RobuustOD.HttpDefaults.ApiDescriptor api, string route) =>
        route is "/health/live" or "/health/ready" || route == api.OpenApiPath || IsDocsRoute(api, route);

    [Theory]
    [MemberData(nameof(Autorisatie))]
    public async Task elk_endpoint_noemt_zijn_autorisatiebeleid(string dienst)
    {
        var running = await StartAsync(dienst);
        var api = Descriptor(running);
        var policies = running.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = RouteEndpoints(running);
        Assert.NotEmpty(ApiEndpoints(running));

        var overtreders = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            var anoniem = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (IsDeliberatelyAnonymous(api, route))
            {
                if (!anoniem)
                {
                    overtreders.Add($"{endpoint.DisplayName} ({route}): shared endpoint expected to be anonymous, is not");
                }

                continue;
            }

            if (anoniem)
            {
                overtreders.Add($"{endpoint.DisplayName} ({route}): AllowAnonymous outside the shared health/openapi/docs endpoints");
                continue;
            }

            var autorisatie = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (autorisatie.Count == 0)
            {
                overtreders.Add($"{endpoint.DisplayName} ({route}): no authorization policy and no AllowAnonymous");
                continue;
            }

            foreach (var data in autorisatie)
            {
                if (string.IsNullOrEmpty(data.Policy) && string.IsNullOrEmpty(data.Roles))
                {
                    overtreders.Add($"{endpoint.DisplayName} ({route}): [Authorize] without a policy (default policy)");
                }
                else if (!string.IsNullOrEmpty(data.Policy) && await policies.GetPolicyAsync(data.Policy) is null)
                {
                    overtreders.Add($"{endpoint.DisplayName} ({route}): unknown policy '{data.Policy}'");
                }
            }
        }

        // The exclusion must not outlive what it excludes: each shared anonymous endpoint is really there.
        var routes = endpoints.Select(e => e.RoutePattern.RawText ?? "").ToHashSet();
        foreach (var gedeeld in new[] { "/health/live", "/health/ready", api.OpenApiPath })
        {
            if (!routes.Contains(gedeeld))
            {
                overtreders.Add($"{gedeeld}: shared endpoint missing");
            }
        }

        if (!routes.Any(r => IsDocsRoute(api, r)))
        {
            overtreders.Add($"{api.DocsPath}: docs endpoint missing");
        }

        Assert.True(overtreders.Count == 0, $"{dienst}: endpoints without a declared authorization:\n" + string.Join('\n', overtreders));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task geen_route_eindigt_op_een_slash(string dienst)
    {
        var running = await StartAsync(dienst);
        var overtreders = RouteEndpoints(running)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(route => route.Length > 1 && route.EndsWith('/'))
            .ToList();
        Assert.True(overtreders.Count == 0, $"{dienst}: routes ending with '/':\n" + string.Join('\n', overtreders));
    }
}
