using System.Net;
using System.Text.Json.Nodes;

namespace RobuustOD.Platform.ContractTests;

/// <summary>
/// The published contract of every service: the OpenAPI document at {base}/openapi.json (anonymous, open to any
/// origin, equal to the committed services/&lt;Service&gt;/openapi.json, passing the ADR rules) and the docs page.
/// </summary>
public sealed class OpenApiTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    public static IEnumerable<TheoryDataRow<string>> Anoniem => PlatformServices.Rows("openapi-anoniem");

    public static IEnumerable<TheoryDataRow<string>> Cors => PlatformServices.Rows("openapi-cors");

    public static IEnumerable<TheoryDataRow<string>> Vastgelegd => PlatformServices.Rows("openapi-vastgelegd");

    public static IEnumerable<TheoryDataRow<string>> Docs => PlatformServices.Rows("docs");

    public static IEnumerable<TheoryDataRow<string, string>> Regels => PlatformServices.Rows(AdrRules.All.Keys);

    [Theory]
    [MemberData(nameof(Anoniem))]
    public async Task het_openapi_document_is_anoniem_op_te_halen_en_beschrijft_de_major_versie(string dienst)
    {
        var running = await StartAsync(dienst);
        var api = Descriptor(running);
        using var client = await running.ClientAsync(null, Ct);
        using var response = await client.GetAsync(api.OpenApiPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(api.Version, response.Headers.GetValues("API-Version").Single());
        Assert.Matches(@"^/[a-z][a-z0-9-]*/v\d+$", api.BasePath);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(api.Version, document["info"]!["version"]!.GetValue<string>());
        Assert.Equal(api.BasePath, document["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Cors))]
    public async Task het_openapi_document_mag_door_elke_origin_worden_opgehaald(string dienst)
    {
        var running = await StartAsync(dienst);
        using var client = await running.ClientAsync(null, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, Descriptor(running).OpenApiPath);
        request.Headers.Add("Origin", "https://elders.example");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [MemberData(nameof(Vastgelegd))]
    public async Task het_geserveerde_openapi_document_is_gelijk_aan_het_vastgelegde_bestand(string dienst)
    {
        var service = PlatformServices.Named(dienst);
        var bestand = Path.Combine(RepoRoot(), service.OpenApiFile);
        var vastgelegd = JsonNode.Parse(await File.ReadAllTextAsync(bestand, Ct))!;

        var running = await StartAsync(dienst);
        using var client = await running.ClientAsync(null, Ct);
        var geserveerd = JsonNode.Parse(await client.GetStringAsync(Descriptor(running).OpenApiPath, Ct))!;

        var verschillen = JsonDiff.Differences(vastgelegd, geserveerd);
        Assert.True(verschillen.Count == 0,
            $"The served document differs from {bestand} (rebuild services/{dienst} and commit openapi.json):\n"
            + string.Join('\n', verschillen.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Regels))]
    public async Task het_openapi_document_volgt_de_api_design_rules(string dienst, string regel)
    {
        var running = await StartAsync(dienst);
        using var client = await running.ClientAsync(null, Ct);
        var document = JsonNode.Parse(await client.GetStringAsync(Descriptor(running).OpenApiPath, Ct))!.AsObject();

        var overtredingen = AdrRules.All[regel](document, Descriptor(running)).ToList();
        Assert.True(overtredingen.Count == 0, $"{dienst} breaks ADR rule '{regel}':\n" + string.Join('\n', overtredingen));
    }

    [Theory]
    [MemberData(nameof(Docs))]
    public async Task de_documentatie_van_scalar_is_anoniem_als_html_op_te_halen(string dienst)
    {
        var running = await StartAsync(dienst);
        var api = Descriptor(running);
        // Scalar serves its page at {docs}/{documentName}; the document is "v1".
        using var client = await running.ClientAsync(null, Ct);
        using var response = await client.GetAsync($"{api.DocsPath}/v1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(api.Title, html, StringComparison.Ordinal);
        // Scalar resolves the source URL against the origin: "register/v1/openapi.json" is /register/v1/openapi.json.
        Assert.Contains($"\"url\":\"{api.OpenApiPath.TrimStart('/')}\"", html, StringComparison.Ordinal);

        // The page loads its script relative to itself: that must be served too.
        using var script = await client.GetAsync($"{api.DocsPath}/scalar.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Docs))]
    public async Task het_documentatieadres_zelf_leidt_naar_de_documentatie(string dienst)
    {
        var running = await StartAsync(dienst);
        // {BasePath}/docs is the address the service publishes (ApiDescriptor.DocsPath). Scalar redirects it
        // to "docs/"; wherever the redirects go, a browser must end on the HTML page, not on a 404.
        using var client = await running.ClientAsync(null, Ct);
        var url = new Uri(new Uri("http://localhost"), Descriptor(running).DocsPath);
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
}

/// <summary>Semantic JSON equality with a readable list of where two documents differ (property order is ignored).</summary>
internal static class JsonDiff
{
    public static List<string> Differences(JsonNode? verwacht, JsonNode? feitelijk)
    {
        var verschillen = new List<string>();
        Vergelijk(verwacht, feitelijk, "$", verschillen);
        return verschillen;
    }

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
