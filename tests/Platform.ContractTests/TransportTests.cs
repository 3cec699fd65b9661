using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Platform.ContractTests;

/// <summary>
/// The transport rules of the NL GOV API Design Rules on every response of every service, errors included: the
/// API-Version and security headers, no Server header, and every framework error (404, 405, 415, 400, 401) as an
/// RFC 9457 problem. Where a case applies per endpoint, it is made for every endpoint from the endpoint's own metadata.
/// </summary>
public sealed class TransportTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    public const string OpenApiDocument = "openapi-document";
    public const string Gezondheid = "gezondheid";
    public const string OnbekendPad = "onbekend-pad";
    public const string SlashAanHetEind = "slash-aan-het-eind";
    public const string VerkeerdeMethode = "verkeerde-methode";
    public const string VerkeerdMediatype = "verkeerd-mediatype";
    public const string OngeldigeJson = "ongeldige-json";
    public const string ZonderToken = "zonder-token";
    public const string Https = "https";
    public const string TeGroot = "te-groot";

    public static IEnumerable<TheoryDataRow<string, string>> Gevallen => PlatformServices.Rows(
        [OpenApiDocument, Gezondheid, OnbekendPad, SlashAanHetEind, VerkeerdeMethode, VerkeerdMediatype, OngeldigeJson, ZonderToken, Https, TeGroot]);

    // A token that every policy of the shared wiring admits (the ministry): a 415 or 400 must not hide behind a 401/403.
    private const string BevoegdeClient = "ienw";

    [Theory]
    [MemberData(nameof(Gevallen))]
    public async Task elk_antwoord_heeft_de_adr_headers_en_elke_fout_is_een_probleem(string dienst, string geval)
    {
        var running = await StartAsync(dienst);
        var api = Descriptor(running);
        var bevindingen = new List<string>();
        var gedaan = 0;

        async Task Verzoek(HttpClient client, HttpMethod methode, string pad, HttpStatusCode verwacht,
            HttpContent? inhoud = null, Action<HttpResponseMessage, string, List<string>>? extra = null)
        {
            using var request = new HttpRequestMessage(methode, pad) { Content = inhoud };
            using var response = await client.SendAsync(request, Ct);
            gedaan++;
            var body = await response.Content.ReadAsStringAsync(Ct);
            // What was asked and answered, in the test output: shows what a passing case covered.
            TestContext.Current.TestOutputHelper?.WriteLine($"{methode} {pad} -> {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            bevindingen.AddRange(Controleer(response, body, api.Version, verwacht).Select(b => $"{methode} {pad}: {b}"));
            if (extra is not null)
            {
                var extraBevindingen = new List<string>();
                extra(response, body, extraBevindingen);
                bevindingen.AddRange(extraBevindingen.Select(b => $"{methode} {pad}: {b}"));
            }
        }

        using var anoniem = await running.ClientAsync(null, Ct);
        using var bevoegd = await running.ClientAsync(BevoegdeClient, Ct);
        var endpoints = ApiEndpoints(running);

        switch (geval)
        {
            case OpenApiDocument:
                await Verzoek(anoniem, HttpMethod.Get, api.OpenApiPath, HttpStatusCode.OK);
                break;

            case Gezondheid:
                foreach (var pad in new[] { "/health/live", "/health/ready" })
                {
                    await Verzoek(anoniem, HttpMethod.Get, pad, HttpStatusCode.OK, extra: (_, body, fouten) =>
                    {
                        if (body != "Healthy")
                        {
                            fouten.Add($"body '{body}', expected 'Healthy'");
                        }
                    });
                }

                break;

            case OnbekendPad:
                await Verzoek(anoniem, HttpMethod.Get, $"{api.BasePath}/bestaat-niet", HttpStatusCode.NotFound);
                await Verzoek(bevoegd, HttpMethod.Get, $"{api.BasePath}/bestaat-niet", HttpStatusCode.NotFound);
                await Verzoek(anoniem, HttpMethod.Get, "/bestaat-niet", HttpStatusCode.NotFound);
                break;

            case SlashAanHetEind:
                // ADR: a trailing slash is a different (absent) resource, not a redirect and not the same one.
                await Verzoek(anoniem, HttpMethod.Get, api.BasePath + "/", HttpStatusCode.NotFound);
                await Verzoek(anoniem, HttpMethod.Get, api.OpenApiPath + "/", HttpStatusCode.NotFound);
                foreach (var endpoint in endpoints)
                {
                    foreach (var methode in Requests.Methods(endpoint))
                    {
                        await Verzoek(bevoegd, new HttpMethod(methode), Requests.SamplePath(endpoint) + "/", HttpStatusCode.NotFound);
                    }
                }

                break;

            case VerkeerdeMethode:
                foreach (var route in endpoints.GroupBy(e => e.RoutePattern.RawText))
                {
                    var toegestaan = route.SelectMany(Requests.Methods).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    var methode = new[] { "DELETE", "PATCH", "PUT", "POST", "GET" }.FirstOrDefault(m => !toegestaan.Contains(m));
                    if (methode is null)
                    {
                        continue;
                    }

                    await Verzoek(anoniem, new HttpMethod(methode), Requests.SamplePath(route.First()), HttpStatusCode.MethodNotAllowed,
                        extra: (response, _, fouten) =>
                        {
                            // RFC 9110: a 405 lists what the resource does allow.
                            var allow = response.Content.Headers.Allow.ToHashSet(StringComparer.OrdinalIgnoreCase);
                            if (!toegestaan.All(allow.Contains))
                            {
                                fouten.Add($"Allow is [{string.Join(", ", allow)}], expected [{string.Join(", ", toegestaan)}]");
                            }
                        });
                }

                break;

            case VerkeerdMediatype:
                foreach (var endpoint in endpoints.Where(Requests.TakesJsonBody))
                {
                    foreach (var methode in Requests.Methods(endpoint))
                    {
                        await Verzoek(bevoegd, new HttpMethod(methode), Requests.SamplePath(endpoint), HttpStatusCode.UnsupportedMediaType,
                            new StringContent("code=X", Encoding.UTF8, "text/plain"));
                    }
                }

                break;

            case OngeldigeJson:
                foreach (var endpoint in endpoints.Where(Requests.TakesJsonBody))
                {
                    foreach (var methode in Requests.Methods(endpoint))
                    {
                        await Verzoek(bevoegd, new HttpMethod(methode), Requests.SamplePath(endpoint), HttpStatusCode.BadRequest,
                            new StringContent("{\"code\":", Encoding.UTF8, "application/json"));
                    }
                }

                break;

            case ZonderToken:
                foreach (var endpoint in endpoints.Where(RequiresToken))
                {
                    foreach (var methode in Requests.Methods(endpoint))
                    {
                        await Verzoek(anoniem, new HttpMethod(methode), Requests.SamplePath(endpoint), HttpStatusCode.Unauthorized,
                            Requests.TakesJsonBody(endpoint) ? new StringContent("{}", Encoding.UTF8, "application/json") : null);
                    }
                }

                break;

            case Https:
                // Behind TLS termination the request arrives as HTTPS; then HSTS must be on success and error alike.
                using (var https = running.HttpsClient())
                {
                    void Hsts(HttpResponseMessage response, string body, List<string> fouten)
                    {
                        if (Header(response, "Strict-Transport-Security") is not { } hsts || !hsts.Contains("max-age=", StringComparison.Ordinal))
                        {
                            fouten.Add($"Strict-Transport-Security is '{Header(response, "Strict-Transport-Security")}'");
                        }
                    }

                    await Verzoek(https, HttpMethod.Get, api.OpenApiPath, HttpStatusCode.OK, extra: Hsts);
                    await Verzoek(https, HttpMethod.Get, $"{api.BasePath}/bestaat-niet", HttpStatusCode.NotFound, extra: Hsts);
                }

                break;

            case TeGroot:
                // One size rule before routing and binding: over the limit (1 MiB) is 413, announced or chunked, on any
                // path (a chunked 2 MiB body once came back as 400 "geen geldige JSON" from the binder).
                foreach (var (grootte, chunked) in new[] { (2L << 20, true), (20L << 20, true), (2L << 20, false) })
                {
                    await Verzoek(bevoegd, HttpMethod.Post, $"{api.BasePath}/bestaat-niet", HttpStatusCode.RequestEntityTooLarge,
                        new GroteInhoud(grootte, chunked));
                }

                foreach (var endpoint in endpoints.Where(Requests.TakesJsonBody))
                {
                    foreach (var methode in Requests.Methods(endpoint))
                    {
                        await Verzoek(bevoegd, new HttpMethod(methode), Requests.SamplePath(endpoint), HttpStatusCode.RequestEntityTooLarge,
                            new GroteInhoud(2L << 20, chunked: true));
                    }
                }

                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(geval), geval, null);
        }

        if (gedaan == 0)
        {
            // Not a pass in disguise: the service has no endpoint this case can be made for (e.g. no request bodies).
            Assert.Skip($"{dienst} has no endpoint for '{geval}' (nothing to check)");
        }

        Assert.True(bevindingen.Count == 0, $"{dienst}, {geval} ({gedaan} requests):\n" + string.Join('\n', bevindingen));
    }

    /// <summary>Everything a response must carry, whatever its status; for an error also the RFC 9457 problem.</summary>
    private static List<string> Controleer(HttpResponseMessage response, string body, string version, HttpStatusCode verwacht)
    {
        var fouten = new List<string>();
        if (response.StatusCode != verwacht)
        {
            fouten.Add($"status {(int)response.StatusCode}, expected {(int)verwacht}: {Kort(body)}");
        }

        void Verwacht(string naam, string waarde)
        {
            var feitelijk = Header(response, naam);
            if (feitelijk != waarde)
            {
                fouten.Add($"{naam} is '{feitelijk ?? "(absent)"}', expected '{waarde}'");
            }
        }

        Verwacht("API-Version", version);
        Verwacht("Cache-Control", "no-store");
        Verwacht("X-Content-Type-Options", "nosniff");
        Verwacht("X-Frame-Options", "DENY");
        Verwacht("Content-Security-Policy", "frame-ancestors 'none'");
        if (response.Headers.Contains("Server"))
        {
            fouten.Add($"Server header '{Header(response, "Server")}' gives the stack away");
        }

        if ((int)response.StatusCode >= 400)
        {
            fouten.AddRange(ProbleemFouten(response, body));
        }

        return fouten;
    }

    // The same rules as ProblemAssertions.AssertProblemAsync, collected instead of thrown so that one run names every endpoint.
    private static IEnumerable<string> ProbleemFouten(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            yield return $"Content-Type '{response.Content.Headers.ContentType}', expected application/problem+json: {Kort(body)}";
            yield break;
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException ex)
        {
            problem = default;
            body = $"not JSON ({ex.Message})";
        }

        if (problem.ValueKind != JsonValueKind.Object)
        {
            yield return $"problem body is not a JSON object: {Kort(body)}";
            yield break;
        }

        if (!problem.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || status.GetInt32() != (int)response.StatusCode)
        {
            yield return $"problem status does not equal {(int)response.StatusCode}: {Kort(body)}";
        }

        foreach (var veld in new[] { "title", "detail" })
        {
            if (!problem.TryGetProperty(veld, out var waarde) || waarde.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(waarde.GetString()))
            {
                yield return $"problem has no {veld}: {Kort(body)}";
            }
        }
    }

    /// <summary>An API endpoint that needs a token: it names a policy other than the public one.</summary>
    private static bool RequiresToken(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        && endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>() is { Count: > 0 } data
        && data.All(a => a.Policy != Policies.Publiek);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static string Kort(string tekst) => tekst.Length <= 300 ? tekst : tekst[..300] + "...";
}
