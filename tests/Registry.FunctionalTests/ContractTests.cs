using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// The register's own part of the contract. What holds for every service (OpenAPI document served, committed and
/// ADR-conformant, docs page, health, security and API-Version headers, framework errors as problems, a policy on
/// every endpoint, no trailing slashes) lives in tests/Platform.ContractTests; here stay the register's identity in
/// its document, its own answers carrying the headers, CORS for the portal, and writes reserved to IenW.
/// </summary>
public sealed class ContractTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    private const string OpenApi = Base + "/openapi.json";
    private const string PortaalOrigin = "https://portaal.example.nl";

    [Fact]
    public async Task het_openapi_document_beschrijft_het_register_onder_register_v1()
    {
        // The platform contract tests check the document of every service against its own descriptor; this pins the
        // register's own identity (base path, version) and its main resource.
        using var client = await Anoniem();
        var document = JsonNode.Parse(await client.GetStringAsync(OpenApi, Ct))!;

        Assert.Equal("1.0.0", document["info"]!["version"]!.GetValue<string>());
        Assert.Equal(Base, document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/omgevingsdiensten"]);
    }

    // The register's own answers (data, a domain 404, a validation 400). The framework's answers (openapi, unknown
    // path, 401 without a token, 405, 415, trailing slash) are checked for every endpoint of every service by the
    // platform contract tests.
    public static TheoryData<string, string, int> Antwoorden => new()
    {
        { "gegevens", "GET " + Base + "/omgevingsdiensten", 200 },
        { "onbekende omgevingsdienst", "GET " + Base + "/omgevingsdiensten/ONBEKEND", 404 },
        { "ongeldige zoekparameter", "GET " + Base + "/omgevingsdiensten?paginaGrootte=101", 400 },
    };

    [Theory]
    [MemberData(nameof(Antwoorden))]
    public async Task elk_antwoord_heeft_de_beveiligingsheaders_en_api_version(string geval, string verzoek, int status)
    {
        using var client = await Anoniem();
        var (methode, url) = (verzoek.Split(' ')[0], verzoek.Split(' ')[1]);
        using var request = new HttpRequestMessage(new HttpMethod(methode), url);
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
}
