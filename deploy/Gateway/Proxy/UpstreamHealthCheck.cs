using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RobuustOD.Gateway.Proxy;

/// <summary>Ready when every upstream answers its own <c>/health/ready</c>; the answer lists each one.</summary>
public sealed class UpstreamHealthCheck(Upstreams upstreams, IHttpClientFactory clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var http = clients.CreateClient(Upstreams.HealthClient);
        var results = await Task.WhenAll(upstreams.All.Select(async u =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri(u.Address, "/health/ready"), cancellationToken);
                return (u.Name, Status: response.IsSuccessStatusCode ? "Healthy" : $"Unhealthy ({(int)response.StatusCode})");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return (u.Name, Status: "Unreachable");
            }
        }));
        var data = results.ToDictionary(r => r.Name, r => (object)r.Status);
        return results.All(r => r.Status == "Healthy")
            ? HealthCheckResult.Healthy("Every upstream is ready.", data)
            : HealthCheckResult.Unhealthy("Not every upstream is ready: " + string.Join(", ", results.Where(r => r.Status != "Healthy").Select(r => r.Name)), data: data);
    }

    /// <summary>The overall status and, per upstream, its own.</summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var upstreams = report.Entries.TryGetValue("upstreams", out var entry) ? entry.Data : new Dictionary<string, object>();
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), upstreams }));
    }
}
