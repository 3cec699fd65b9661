using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace RobuustOD.TestInfrastructure;

/// <summary>Assertions on the services' HTTP answers: RFC 9457 problems, the fields they name, and JSON bodies.</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem with status, title and detail, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal("1.0.0", response.Headers.GetValues("API-Version").Single());
        return problem;
    }

    /// <summary>
    /// The keys of <c>errors</c> as the service wrote them: validation errors by name (<c>naam</c>), JSON errors by
    /// JSON path (<c>$.naam</c>).
    /// </summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];

    /// <summary>Asserts that <c>errors</c> names every one of <paramref name="velden"/>, by name or as a JSON path (<c>$.naam</c>).</summary>
    public static void AssertNoemt(this JsonElement problem, params string[] velden)
    {
        var genoemd = problem.ErrorFields().Select(f => f.StartsWith("$.", StringComparison.Ordinal) ? f[2..] : f).ToList();
        foreach (var veld in velden)
        {
            Assert.True(genoemd.Contains(veld, StringComparer.Ordinal),
                $"expected '{veld}' among the error fields [{string.Join(", ", genoemd)}]: {problem}");
        }
    }

    /// <summary>Asserts a 400 problem that names every one of <paramref name="velden"/>.</summary>
    public static async Task<JsonElement> AssertOngeldigAsync(this HttpResponseMessage response, params string[] velden)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        problem.AssertNoemt(velden);
        return problem;
    }

    /// <summary>Asserts a 2xx answer (showing the body otherwise) and returns its JSON.</summary>
    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(status == response.StatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
