using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using RobuustOD.Gateway.Proxy;

namespace RobuustOD.Gateway.Dashboard;

/// <summary>What a panel got from a service: the data, or why not (said on the page, never invented).</summary>
public sealed record Paneel<T>(T? Data, string? Melding) where T : class
{
    public bool Heeft => Data is not null;
}

public static class Paneel
{
    public static Paneel<T> Met<T>(T data) where T : class => new(data, null);

    public static Paneel<T> Zonder<T>(string melding) where T : class => new(null, melding);
}

/// <summary>
/// Reads the services' public HTTP APIs with the signed-in user's access token, so every answer is what the APIs
/// decide for that user's role. The addresses are the gateway's own routes (<see cref="Upstreams"/>).
/// </summary>
public sealed class ApiLezer(IHttpClientFactory clients, Upstreams upstreams, IHttpContextAccessor accessor)
{
    public const string Client = "dashboard-api";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Paneel<T>> GetAsync<T>(string api, string pathAndQuery, CancellationToken ct) where T : class
    {
        var upstream = upstreams.Find(api);
        if (upstream is null)
        {
            return Paneel.Zonder<T>($"De gateway kent de {api}-API niet.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(upstream.Address, $"/{api}/v1/{pathAndQuery}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var http = accessor.HttpContext;
        var token = http is null ? null : await http.GetTokenAsync("access_token");
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await clients.CreateClient(Client).SendAsync(request, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<T>(Json, ct) is { } data
                    ? Paneel.Met(data) : Paneel.Zonder<T>($"De {api}-API gaf geen gegevens."),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Paneel.Zonder<T>("Geen toegang met uw rol."),
                HttpStatusCode.NotFound => Paneel.Zonder<T>("Niet gevonden, of niet zichtbaar voor uw rol."),
                _ => Paneel.Zonder<T>($"De {api}-API antwoordde {(int)response.StatusCode}; probeer het later opnieuw."),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return Paneel.Zonder<T>($"De {api}-service is niet bereikbaar.");
        }
        catch (JsonException)
        {
            return Paneel.Zonder<T>($"De {api}-API gaf een antwoord dat het dashboard niet kan lezen.");
        }
    }
}
