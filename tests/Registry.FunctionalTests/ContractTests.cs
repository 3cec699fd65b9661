using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// The published contract and the transport rules around it: the OpenAPI document (served and
/// committed alike), the docs page, security and CORS headers, health, and that every endpoint
/// names who may call it.
/// </summary>
public sealed class ContractTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    private const string OpenApi = Base + "/openapi.json";
    private const string PortaalOrigin = "https://portaal.example.nl";

    [Fact]
    public async Task het_openapi_document_is_anoniem_op_te_halen_en_beschrijft_v1()
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync(OpenApi, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1.0.0", response.Headers.GetValues("API-Version").Single());
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1.0.0", document["info"]!["version"]!.GetValue<string>());
        Assert.Equal(Base, document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/omgevingsdiensten"]);
    }

    [Fact]
    public async Task het_openapi_document_mag_door_elke_origin_worden_opgehaald()
    {
        using var client = await Anoniem();
        using var request = new HttpRequestMessage(HttpMethod.Get, OpenApi);
        request.Headers.Add("Origin", "https://elders.example");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task het_geserveerde_openapi_document_is_gelijk_aan_het_vastgelegde_bestand()
    {
        var bestand = Path.Combine(RepoRoot(), "services", "Registry", "openapi.json");
        var vastgelegd = JsonNode.Parse(await File.ReadAllTextAsync(bestand, Ct))!;

        using var client = await Anoniem();
        var geserveerd = JsonNode.Parse(await client.GetStringAsync(OpenApi, Ct))!;

        var verschillen = new List<string>();
        Vergelijk(vastgelegd, geserveerd, "$", verschillen);
        Assert.True(verschillen.Count == 0,
            $"The served document differs from {bestand} (rebuild services/Registry and commit openapi.json):\n"
            + string.Join('\n', verschillen.Take(20)));
    }

    [Fact]
    public async Task de_documentatie_van_scalar_is_anoniem_als_html_op_te_halen()
    {
        // Scalar serves its page at {docs}/{documentName}; the document is "v1".
        using var client = await Anoniem();
        using var response = await client.GetAsync($"{Base}/docs/v1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Register omgevingsdiensten", html, StringComparison.Ordinal);
        // Scalar resolves the source URL against the origin: "register/v1/openapi.json" is /register/v1/openapi.json.
        Assert.Contains($"\"url\":\"{OpenApi.TrimStart('/')}\"", html, StringComparison.Ordinal);

        // The page loads its script relative to itself: that must be served too.
        using var script = await client.GetAsync($"{Base}/docs/scalar.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task het_documentatieadres_zelf_leidt_naar_de_documentatie()
    {
        // {BasePath}/docs is the address the service publishes (ApiDescriptor.DocsPath). Scalar redirects it
        // to "docs/"; wherever the redirects go, a browser must end on the HTML page, not on a 404.
        using var client = await Anoniem();
        var url = new Uri(new Uri("http://localhost"), $"{Base}/docs");
        var stappen = new List<string>();
        HttpResponseMessage response;
        while (true)
        {
            response = await client.GetAsync(url, Ct);
            stappen.Add($"GET {url.PathAndQuery} -> {(int)response.StatusCode}");
            if (response.Headers.Location is not { } location || (int)response.StatusCode is < 300 or > 399 || stappen.Count > 5)
            {
                break;
            }

            url = new Uri(url, location);
            response.Dispose();
        }

        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html",
                $"{string.Join("; ", stappen)}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    public static TheoryData<string, string, int> Antwoorden => new()
    {
        { "gegevens", "GET " + Base + "/omgevingsdiensten", 200 },
        { "openapi", "GET " + OpenApi, 200 },
        { "onbekende omgevingsdienst", "GET " + Base + "/omgevingsdiensten/ONBEKEND", 404 },
        { "onbekend pad", "GET " + Base + "/bestaat-niet", 404 },
        { "ongeldige zoekparameter", "GET " + Base + "/omgevingsdiensten?paginaGrootte=101", 400 },
        { "anoniem schrijven", "POST " + Base + "/omgevingsdiensten", 401 },
        { "verkeerde methode", "DELETE " + Base + "/omgevingsdiensten", 405 },
    };

    [Theory]
    [MemberData(nameof(Antwoorden))]
    public async Task elk_antwoord_heeft_de_beveiligingsheaders_en_api_version(string geval, string verzoek, int status)
    {
        using var client = await Anoniem();
        var (methode, url) = (verzoek.Split(' ')[0], verzoek.Split(' ')[1]);
        using var request = new HttpRequestMessage(new HttpMethod(methode), url);
        if (methode == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.True(status == (int)response.StatusCode, $"{geval}: expected {status}, got {(int)response.StatusCode}");
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("1.0.0", Header(response, "API-Version"));
        Assert.False(response.Headers.Contains("Server"), $"{geval}: the Server header gives the stack away");
        if (status >= 400)
        {
            await response.AssertProblemAsync((HttpStatusCode)status);
        }
    }

    [Fact]
    public async Task cors_preflight_van_het_portaal_staat_patch_met_if_match_toe()
    {
        using var client = await Anoniem();
        using var response = await PreflightAsync(client, PortaalOrigin, "PATCH", "If-Match, Content-Type, Authorization");

        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"preflight gave {(int)response.StatusCode}");
        Assert.Equal(PortaalOrigin, Header(response, "Access-Control-Allow-Origin"));
        var methodes = Lijst(response, "Access-Control-Allow-Methods");
        Assert.Contains("PATCH", methodes);
        var headers = Lijst(response, "Access-Control-Allow-Headers");
        Assert.Contains("If-Match", headers);
        Assert.Contains("Content-Type", headers);
        Assert.Contains("Authorization", headers);
    }

    [Fact]
    public async Task een_cors_verzoek_van_het_portaal_mag_etag_en_api_version_lezen()
    {
        var code = await RegistreerAsync();
        using var client = await Anoniem();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/omgevingsdiensten/{code}");
        request.Headers.Add("Origin", PortaalOrigin);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortaalOrigin, Header(response, "Access-Control-Allow-Origin"));
        var zichtbaar = Lijst(response, "Access-Control-Expose-Headers");
        Assert.Contains("ETag", zichtbaar);
        Assert.Contains("API-Version", zichtbaar);
    }

    [Theory]
    [InlineData("https://elders.example")]
    [InlineData("http://portaal.example.nl")]
    [InlineData("https://portaal.example.nl.elders.example")]
    [InlineData("null")]
    public async Task cors_preflight_van_een_andere_origin_krijgt_geen_toestemming(string origin)
    {
        using var client = await Anoniem();
        using var response = await PreflightAsync(client, origin, "PATCH", "If-Match");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"),
            $"{origin} got Access-Control-Allow-Origin: {Header(response, "Access-Control-Allow-Origin")}");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/omgevingsdiensten");
        request.Headers.Add("Origin", origin);
        using var get = await client.SendAsync(request, Ct);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task health_is_anoniem_en_gezond(string pad)
    {
        using var client = await Anoniem();
        using var response = await client.GetAsync(pad, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pad}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task elk_endpoint_noemt_zijn_autorisatiebeleid()
    {
        var policies = App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var overtreders = new List<string>();
        var endpoints = RouteEndpoints();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var autorisatie = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (autorisatie.Count == 0)
            {
                overtreders.Add($"{endpoint.DisplayName}: no authorization policy and no AllowAnonymous");
                continue;
            }

            foreach (var data in autorisatie)
            {
                if (string.IsNullOrEmpty(data.Policy) && string.IsNullOrEmpty(data.Roles))
                {
                    overtreders.Add($"{endpoint.DisplayName}: [Authorize] without a policy (default policy)");
                }
                else if (!string.IsNullOrEmpty(data.Policy) && await policies.GetPolicyAsync(data.Policy) is null)
                {
                    overtreders.Add($"{endpoint.DisplayName}: unknown policy '{data.Policy}'");
                }
            }
        }

        Assert.True(overtreders.Count == 0, "Endpoints without a declared authorization:\n" + string.Join('\n', overtreders));
    }

    [Fact]
    public void schrijvende_endpoints_vereisen_het_ienw_beleid()
    {
        var overtreders = RouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is not ("GET" or "HEAD")) == true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "ienw"))
            .Select(e => e.DisplayName)
            .ToList();
        Assert.True(overtreders.Count == 0, "Writes not restricted to the ienw policy:\n" + string.Join('\n', overtreders));
    }

    [Fact]
    public void geen_route_eindigt_op_een_slash()
    {
        var overtreders = RouteEndpoints()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(route => route.Length > 1 && route.EndsWith('/'))
            .ToList();
        Assert.True(overtreders.Count == 0, "Routes ending with '/':\n" + string.Join('\n', overtreders));
    }

    private List<RouteEndpoint> RouteEndpoints() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin, string methode, string headers)
    {
        var code = NieuweCode();
        using var request = new HttpRequestMessage(HttpMethod.Options, $"{Base}/omgevingsdiensten/{code}");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", methode);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await client.SendAsync(request, Ct);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static HashSet<string> Lijst(HttpResponseMessage response, string name) =>
        (Header(response, name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string RepoRoot()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "RobuustOD.sln")))
            {
                return map.FullName;
            }
        }

        throw new InvalidOperationException($"No RobuustOD.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Collects the JSON paths where two documents differ (property order is ignored).</summary>
    private static void Vergelijk(JsonNode? verwacht, JsonNode? feitelijk, string pad, List<string> verschillen)
    {
        switch (verwacht, feitelijk)
        {
            case (null, null):
                return;
            case (JsonObject a, JsonObject b):
                foreach (var (naam, waarde) in a)
                {
                    if (!b.ContainsKey(naam))
                    {
                        verschillen.Add($"{pad}.{naam}: only in the committed file");
                    }
                    else
                    {
                        Vergelijk(waarde, b[naam], $"{pad}.{naam}", verschillen);
                    }
                }

                verschillen.AddRange(b.Where(p => !a.ContainsKey(p.Key)).Select(p => $"{pad}.{p.Key}: only in the served document"));
                return;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    verschillen.Add($"{pad}: {a.Count} items committed, {b.Count} served");
                }

                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    Vergelijk(a[i], b[i], $"{pad}[{i}]", verschillen);
                }

                return;
            default:
                if (!JsonNode.DeepEquals(verwacht, feitelijk))
                {
                    verschillen.Add($"{pad}: committed {verwacht?.ToJsonString() ?? "null"}, served {feitelijk?.ToJsonString() ?? "null"}");
                }

                return;
        }
    }
}
