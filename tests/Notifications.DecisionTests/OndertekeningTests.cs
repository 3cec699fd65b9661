using System.Text;
using System.Text.Json;
using RobuustOD.Notifications.Afleveringen;

namespace RobuustOD.Notifications.DecisionTests;

public sealed class OndertekeningTests
{
    /// <summary>The example of the Standard Webhooks specification (its reference libraries' test vector).</summary>
    [Fact]
    public void de_handtekening_van_de_standard_webhooks_specificatie()
    {
        var handtekening = Ondertekening.Handtekening("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
            Encoding.UTF8.GetBytes("""{"test": 2432232314}"""));
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", handtekening);
    }

    [Fact]
    public void tijdens_een_rotatie_twee_handtekeningen()
    {
        var geheim = new RobuustOD.Notifications.Abonnementen.Abonnementsgeheim
        {
            Huidig = RobuustOD.Notifications.Abonnementen.Abonnementsgeheim.Nieuw(),
            Vorig = RobuustOD.Notifications.Abonnementen.Abonnementsgeheim.Nieuw(),
            VorigGeldigTot = DateTimeOffset.UnixEpoch.AddDays(1),
        };
        Assert.Equal(2, geheim.Ondertekensleutels(DateTimeOffset.UnixEpoch).Count);
        Assert.Single(geheim.Ondertekensleutels(DateTimeOffset.UnixEpoch.AddDays(1)));
        using var request = new HttpRequestMessage();
        Ondertekening.Onderteken(request, geheim.Ondertekensleutels(DateTimeOffset.UnixEpoch), "id-1", DateTimeOffset.UnixEpoch, [1, 2, 3]);
        Assert.Equal(2, request.Headers.GetValues("webhook-signature").Single().Split(' ').Length);
        Assert.Equal("0", request.Headers.GetValues("webhook-timestamp").Single());
    }

    [Fact]
    public void het_bericht_houdt_de_attributen_en_informatiearm_laat_de_data_weg()
    {
        var g = new Gebeurtenis
        {
            CloudEventId = "e1", Source = "urn:bron", Type = "nl.robuustod.register.omgevingsdienst-gewijzigd.v1", Topic = "register", Subject = "ODG",
            Attributen = new() { ["time"] = "2026-12-01T12:00:00Z", ["sequence"] = "0000000000000000042", ["datacontenttype"] = "application/json" },
            Data = """{"code":"ODG"}""", Omgevingsdiensten = ["ODG"], Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        };
        using var vol = JsonDocument.Parse(Bericht.Structured(g, false, null));
        Assert.Equal("0000000000000000042", vol.RootElement.GetProperty("sequence").GetString());
        Assert.Equal("ODG", vol.RootElement.GetProperty("data").GetProperty("code").GetString());
        Assert.StartsWith("00-0af7", vol.RootElement.GetProperty("traceparent").GetString(), StringComparison.Ordinal);
        var dataref = Bericht.Dataref(g, new Dictionary<string, string> { ["register"] = "https://api.example.nl/register/v1/" });
        Assert.Equal("https://api.example.nl/register/v1/omgevingsdiensten/ODG", dataref);
        using var arm = JsonDocument.Parse(Bericht.Structured(g, true, dataref));
        Assert.False(arm.RootElement.TryGetProperty("data", out _));
        Assert.Equal(dataref, arm.RootElement.GetProperty("dataref").GetString());
    }
}
