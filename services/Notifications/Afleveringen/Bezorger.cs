using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// One POST of a CloudEvent to a subscriber, signed (Standard Webhooks), with its authentication, within the attempt's
/// time-out, continuing the trace of the original write. Never throws for what the subscriber does: every outcome is an
/// <see cref="Uitkomst"/> with its <see cref="Poging"/> for the log.
/// </summary>
public sealed class Bezorger(BestemmingsClient client, Toegangstokens tokens, IOptions<NotificatieOptions> opties, TimeProvider clock)
{
    public static readonly ActivitySource Activiteiten = new("RobuustOD.Notifications");

    private const int AntwoordBytes = 512;

    public async Task<(Uitkomst Uitkomst, Poging Poging)> VerstuurAsync(string sleutel, Instellingen instellingen, Abonnementsgeheim geheim,
        string webhookId, byte[] body, string? traceparent, CancellationToken ct)
    {
        var start = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        ActivityContext.TryParse(traceparent, null, out var ouder);
        using var activiteit = Activiteiten.StartActivity("notificatie aflevering", ActivityKind.Client, ouder);
        activiteit?.SetTag("webhook.id", webhookId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(opties.Value.PogingTimeout);
        try
        {
            var sink = new Uri(instellingen.Sink);
            if (Bestemmingsregel.Beoordeel(sink, client.LokaalToegestaan) is { } reden)
            {
                throw new BestemmingGeweigerdException(reden);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, sink) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(Bericht.ContentType) { CharSet = "utf-8" };
            Ondertekening.Onderteken(request, geheim.Ondertekensleutels(start), webhookId, start, body);
            if (await tokens.AuthorizationAsync(sleutel, instellingen, geheim, timeout.Token) is { } authorization)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var antwoord = await EersteBytesAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            if (status == 401)
            {
                tokens.Vergeet(sleutel);
            }

            activiteit?.SetTag("http.response.status_code", status);
            return (new Uitkomst(status, RetryAfter(response, start)), new Poging(start, status, stopwatch.ElapsedMilliseconds, antwoord, null));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or BestemmingGeweigerdException or OperationCanceledException
            or UriFormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            var fout = ex is OperationCanceledException ? $"time-out na {opties.Value.PogingTimeout.TotalSeconds:0.#} s" : BestemmingsClient.Beschrijf(ex);
            activiteit?.SetStatus(ActivityStatusCode.Error, fout);
            return (new Uitkomst(null, null), new Poging(start, null, stopwatch.ElapsedMilliseconds, null, fout));
        }
    }

    private static async Task<string?> EersteBytesAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[AntwoordBytes];
        var gelezen = 0;
        int n;
        while (gelezen < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(gelezen), ct)) > 0)
        {
            gelezen += n;
        }

        return gelezen == 0 ? null : Encoding.UTF8.GetString(buffer, 0, gelezen);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset nu) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } datum } => datum > nu ? datum - nu : TimeSpan.Zero,
        _ => null,
    };
}
