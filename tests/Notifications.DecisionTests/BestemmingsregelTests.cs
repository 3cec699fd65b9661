using System.Net;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.DecisionTests;

/// <summary>The SSRF rule as production applies it (lokaalToegestaan false), and the Development exception.</summary>
public sealed class BestemmingsregelTests
{
    [Theory]
    [InlineData("http://ontvanger.example.nl/webhook", "https")]
    [InlineData("ftp://ontvanger.example.nl/webhook", "https")]
    [InlineData("https://127.0.0.1/webhook", "loopback")]
    [InlineData("https://localhost:8443/webhook", "loopback")]
    [InlineData("https://api.localhost/webhook", "loopback")]
    [InlineData("https://[::1]/webhook", "loopback")]
    [InlineData("https://gebruiker:wachtwoord@ontvanger.example.nl/", "wachtwoord")]
    public void in_productie_alleen_https_zonder_loopback(string url, string reden)
    {
        var weigering = Bestemmingsregel.Beoordeel(new Uri(url), lokaalToegestaan: false);
        Assert.NotNull(weigering);
        Assert.Contains(reden, weigering, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void een_publieke_https_url_mag()
    {
        Assert.Null(Bestemmingsregel.Beoordeel(new Uri("https://ontvanger.example.nl/webhook"), false));
        Assert.Null(Bestemmingsregel.BeoordeelAdressen("ontvanger.example.nl", [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("2606:2800:220:1::1")], false));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void een_naam_die_naar_een_intern_adres_wijst_wordt_geweigerd(string adres)
    {
        var weigering = Bestemmingsregel.BeoordeelAdressen("ontvanger.example.nl", [IPAddress.Parse("93.184.216.34"), IPAddress.Parse(adres)], false);
        Assert.NotNull(weigering);
        Assert.Contains("intern adres", weigering, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("172.15.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("192.169.0.1")]
    public void grensgevallen_buiten_de_interne_reeksen_mogen(string adres) => Assert.False(Bestemmingsregel.IsIntern(IPAddress.Parse(adres)));

    [Fact]
    public void een_naam_zonder_adres_wordt_geweigerd() =>
        Assert.NotNull(Bestemmingsregel.BeoordeelAdressen("nergens.example.nl", [], false));

    [Fact]
    public void in_development_mogen_loopback_en_http()
    {
        Assert.Null(Bestemmingsregel.Beoordeel(new Uri("http://127.0.0.1:5180/"), lokaalToegestaan: true));
        Assert.Null(Bestemmingsregel.BeoordeelAdressen("127.0.0.1", [IPAddress.Loopback], lokaalToegestaan: true));
    }
}
