using System.Security.Cryptography;

namespace RobuustOD.Notifications.Abonnementen;

/// <summary>
/// The secrets of one subscription, apart from its events: the signing secret (and, during a rotation's grace period, the
/// previous one), the static <c>Authorization</c> value or the OAuth 2.0 client secret. Shown once, never read back.
/// </summary>
public sealed class Abonnementsgeheim
{
    public const string Voorvoegsel = "whsec_";

    /// <summary>The subscription id.</summary>
    public string Id { get; set; } = "";

    public string Huidig { get; set; } = "";

    public string? Vorig { get; set; }

    public DateTimeOffset? VorigGeldigTot { get; set; }

    public string? Authorization { get; set; }

    public string? OAuth2ClientSecret { get; set; }

    /// <summary>The secrets to sign with at <paramref name="nu"/>: the current one, and the previous one while its grace period runs.</summary>
    public IReadOnlyList<string> Ondertekensleutels(DateTimeOffset nu) =>
        Vorig is not null && VorigGeldigTot > nu ? [Huidig, Vorig] : [Huidig];

    /// <summary>A new secret in the Standard Webhooks form: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string Nieuw() => Voorvoegsel + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
