using System.Globalization;
using Microsoft.Extensions.Options;
using RobuustOD.Contracts.Eventing;
using RobuustOD.Domain;
using RobuustOD.EventBackbone;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// The CloudEvents webhook validation handshake, at creation and when the sink changes: an <c>OPTIONS</c> with
/// <c>WebHook-Request-Origin</c> that must be answered 2xx with <c>WebHook-Allowed-Origin</c> naming this origin (or
/// <c>*</c>), its <c>WebHook-Allowed-Rate</c> kept as the subscription's pace; then a signed test event that must get a
/// 2xx. Each refusal is a 400 on <c>sink</c> saying what the subscriber answered.
/// </summary>
public sealed class Handdruk(BestemmingsClient client, Bezorger bezorger, IOptions<NotificatieOptions> opties,
    IOptions<EventingOptions> eventing, TimeProvider clock)
{
    public const string RequestOrigin = "WebHook-Request-Origin";
    public const string AllowedOrigin = "WebHook-Allowed-Origin";
    public const string AllowedRate = "WebHook-Allowed-Rate";

    public string Source => CloudEventSource.For(eventing.Value.Oin, PubSub.Systems.Notificaties);

    /// <summary>The allowed rate per minute (null: any), or a <see cref="DomainRuleException"/> naming <c>sink</c>.</summary>
    public async Task<int?> VoerUitAsync(string sleutel, Instellingen instellingen, Abonnementsgeheim geheim, CancellationToken ct)
    {
        var sink = new Uri(instellingen.Sink);
        if (await client.BeoordeelAsync(sink, ct) is { } reden)
        {
            throw DomainRuleException.Invalid("sink", reden);
        }

        var origin = opties.Value.Origin;
        int? tempo;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(opties.Value.PogingTimeout);
            using var options = new HttpRequestMessage(HttpMethod.Options, sink);
            options.Headers.TryAddWithoutValidation(RequestOrigin, origin);
            options.Headers.TryAddWithoutValidation("WebHook-Request-Rate", "120");
            HttpResponseMessage antwoord;
            try
            {
                antwoord = await client.Http.SendAsync(options, timeout.Token);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or BestemmingGeweigerdException or OperationCanceledException)
            {
                throw Geweigerd($"De validatie (OPTIONS met {RequestOrigin}) kreeg geen antwoord: {BestemmingsClient.Beschrijf(ex)}.");
            }

            using (antwoord)
            {
                if (!antwoord.IsSuccessStatusCode)
                {
                    throw Geweigerd($"De abonnee antwoordde {(int)antwoord.StatusCode} op de validatie (OPTIONS met {RequestOrigin}: {origin}).");
                }

                var toegestaan = antwoord.Headers.TryGetValues(AllowedOrigin, out var waarden) ? string.Join(",", waarden).Trim() : null;
                if (toegestaan is null)
                {
                    throw Geweigerd($"De abonnee antwoordde {(int)antwoord.StatusCode} op de validatie, maar zonder {AllowedOrigin}.");
                }

                if (toegestaan != "*" && !toegestaan.Split(',').Select(t => t.Trim()).Contains(origin, StringComparer.OrdinalIgnoreCase))
                {
                    throw Geweigerd($"De abonnee staat {AllowedOrigin}: '{toegestaan}' toe, niet '{origin}'.");
                }

                var rate = antwoord.Headers.TryGetValues(AllowedRate, out var r) ? r.FirstOrDefault()?.Trim() : null;
                tempo = rate is null or "*" ? null
                    : int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinuut) && perMinuut > 0 ? perMinuut
                    : throw Geweigerd($"De abonnee antwoordde {AllowedRate}: '{rate}', geen positief geheel getal of '*'.");
            }
        }

        var uitslag = await StuurTestAsync(sleutel, instellingen, geheim, Bericht.TestType, ct);
        return uitslag.Uitkomst.Geslaagd
            ? tempo
            : throw Geweigerd($"De ondertekende testgebeurtenis kreeg {Omschrijf(uitslag.Poging)}; een abonnement vraagt een 2xx.");
    }

    /// <summary>A signed test event of <paramref name="type"/> (never stored, never retried).</summary>
    public async Task<(Uitkomst Uitkomst, Poging Poging)> StuurTestAsync(string sleutel, Instellingen instellingen, Abonnementsgeheim geheim,
        string type, CancellationToken ct)
    {
        var test = Bericht.Test(type, Source, null, clock.GetUtcNow());
        return await bezorger.VerstuurAsync(sleutel, instellingen, geheim, test.CloudEventId, Bericht.Structured(test, instellingen.Informatiearm, null),
            null, ct);
    }

    public static string Omschrijf(Poging poging) => poging.Status is { } status
        ? $"antwoord {status}" + (poging.Antwoord is { Length: > 0 } a ? $": {(a.Length > 200 ? a[..200] : a)}" : "")
        : $"geen antwoord ({poging.Fout})";

    private static DomainRuleException Geweigerd(string detail) =>
        new("Abonnee weigert", detail, DomainRuleException.InvalidStatus, new Dictionary<string, string[]> { ["sink"] = [detail] });
}
