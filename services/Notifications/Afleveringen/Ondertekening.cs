using System.Security.Cryptography;
using System.Text;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> + base64 of HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// keyed with the base64-decoded part of the secret after <c>whsec_</c>; one per valid secret, space-separated.
/// </summary>
public static class Ondertekening
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Handtekening(string geheim, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var sleutel = Convert.FromBase64String(geheim.StartsWith(Abonnementsgeheim.Voorvoegsel, StringComparison.Ordinal)
            ? geheim[Abonnementsgeheim.Voorvoegsel.Length..]
            : geheim);
        var kop = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        var inhoud = new byte[kop.Length + body.Length];
        kop.CopyTo(inhoud, 0);
        body.CopyTo(inhoud.AsSpan(kop.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(sleutel, inhoud));
    }

    /// <summary>Sets the three headers on <paramref name="request"/>, signed with every key in <paramref name="geheimen"/>.</summary>
    public static void Onderteken(HttpRequestMessage request, IReadOnlyList<string> geheimen, string id, DateTimeOffset nu, byte[] body)
    {
        var timestamp = nu.ToUnixTimeSeconds();
        request.Headers.TryAddWithoutValidation(IdHeader, id);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignatureHeader, string.Join(' ', geheimen.Select(g => Handtekening(g, id, timestamp, body))));
    }
}
