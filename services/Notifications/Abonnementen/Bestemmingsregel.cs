using System.Net;
using System.Net.Sockets;

namespace RobuustOD.Notifications.Abonnementen;

/// <summary>
/// Where the service may send requests (against SSRF): outside Development only <c>https</c>, and never to loopback,
/// link-local, private, unique-local, multicast or unspecified addresses. The addresses are those the host name
/// resolves to, checked at creation and again on every connection (<see cref="Afleveringen.BestemmingsClient"/>), so a
/// name that later resolves to an internal address is refused too. <c>lokaalToegestaan</c> is true only in
/// Development and the tests, where receivers run on loopback over plain HTTP.
/// </summary>
public static class Bestemmingsregel
{
    /// <summary>Null when the URL may be called; otherwise why not.</summary>
    public static string? Beoordeel(Uri uri, bool lokaalToegestaan)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Alleen een absolute https-URL is toegestaan.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Een URL met gebruikersnaam of wachtwoord is niet toegestaan (gebruik authenticatie).";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !lokaalToegestaan)
        {
            return "Alleen https is toegestaan.";
        }

        if (!lokaalToegestaan && (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return $"'{uri.Host}' is een loopback-adres.";
        }

        return null;
    }

    /// <summary>Null when every resolved address may be connected to; otherwise why not.</summary>
    public static string? BeoordeelAdressen(string host, IReadOnlyList<IPAddress> adressen, bool lokaalToegestaan)
    {
        if (adressen.Count == 0)
        {
            return $"'{host}' is niet te herleiden tot een adres.";
        }

        if (lokaalToegestaan)
        {
            return null;
        }

        var intern = adressen.FirstOrDefault(IsIntern);
        return intern is null ? null : $"'{host}' wijst naar {intern}, een intern adres (loopback, link-local of privé): niet toegestaan.";
    }

    /// <summary>Loopback, link-local, private (RFC 1918, CGNAT 100.64/10, IPv6 unique-local), multicast, unspecified, or IPv4-mapped such.</summary>
    public static bool IsIntern(IPAddress adres)
    {
        if (adres.IsIPv4MappedToIPv6)
        {
            adres = adres.MapToIPv4();
        }

        if (IPAddress.IsLoopback(adres) || adres.Equals(IPAddress.Any) || adres.Equals(IPAddress.IPv6Any) || adres.Equals(IPAddress.None))
        {
            return true;
        }

        if (adres.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = adres.GetAddressBytes();
            return adres.IsIPv6LinkLocal || adres.IsIPv6SiteLocal || adres.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc;
        }

        var v4 = adres.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            169 => v4[1] == 254,
            172 => v4[1] is >= 16 and <= 31,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] == 0),
            100 => v4[1] is >= 64 and <= 127,
            >= 224 => true,
            _ => false,
        };
    }
}
