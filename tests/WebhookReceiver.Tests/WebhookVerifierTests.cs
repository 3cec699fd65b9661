using System.Security.Cryptography;
using System.Text;

namespace RobuustOD.WebhookReceiver.Tests;

public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Timestamp = "1614265330";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static WebhookVerifier Verifier(params string[] secrets) =>
        new(secrets, TimeSpan.FromMinutes(5), () => DateTimeOffset.FromUnixTimeSeconds(1614265330).AddMinutes(1));

    [Fact]
    public void het_voorbeeld_van_de_specificatie_is_geldig() =>
        Assert.Equal(WebhookVerdict.Accepted, Verifier(Secret).Verify(Id, Timestamp, Signature, Body).Verdict);

    [Fact]
    public void een_gewijzigde_inhoud_of_id_is_ongeldig()
    {
        Assert.Equal(WebhookVerdict.BadSignature, Verifier(Secret).Verify(Id, Timestamp, Signature, Encoding.UTF8.GetBytes("""{"test": 1}""")).Verdict);
        Assert.Equal(WebhookVerdict.BadSignature, Verifier(Secret).Verify("msg_ander", Timestamp, Signature, Body).Verdict);
        Assert.Equal(WebhookVerdict.BadSignature, Verifier("whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))).Verify(Id, Timestamp, Signature, Body).Verdict);
    }

    [Fact]
    public void buiten_de_tolerantie_is_verlopen()
    {
        var laat = new WebhookVerifier([Secret], TimeSpan.FromMinutes(5), () => DateTimeOffset.FromUnixTimeSeconds(1614265330).AddMinutes(6));
        Assert.Equal(WebhookVerdict.Expired, laat.Verify(Id, Timestamp, Signature, Body).Verdict);
        var vroeg = new WebhookVerifier([Secret], TimeSpan.FromMinutes(5), () => DateTimeOffset.FromUnixTimeSeconds(1614265330).AddMinutes(-6));
        Assert.Equal(WebhookVerdict.Expired, vroeg.Verify(Id, Timestamp, Signature, Body).Verdict);
    }

    [Fact]
    public void tijdens_een_rotatie_is_een_van_de_handtekeningen_genoeg()
    {
        var nieuw = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var twee = $"v1,{Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(nieuw[6..]), Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.").Concat(Body).ToArray()))} {Signature}";
        Assert.Equal(WebhookVerdict.Accepted, Verifier(nieuw).Verify(Id, Timestamp, twee, Body).Verdict);
        Assert.Equal(WebhookVerdict.Accepted, Verifier(Secret).Verify(Id, Timestamp, twee, Body).Verdict);
        Assert.Equal(WebhookVerdict.Accepted, Verifier(nieuw, Secret).Verify(Id, Timestamp, Signature, Body).Verdict);
    }

    [Theory]
    [InlineData(null, Timestamp, Signature)]
    [InlineData(Id, null, Signature)]
    [InlineData(Id, "gisteren", Signature)]
    [InlineData(Id, Timestamp, "")]
    public void ontbrekende_headers_zijn_400(string? id, string? timestamp, string? signature)
    {
        var check = Verifier(Secret).Verify(id, timestamp, signature, Body);
        Assert.Equal(WebhookVerdict.Malformed, check.Verdict);
        Assert.Equal(400, check.SuggestedStatus);
    }

    [Fact]
    public void een_tweede_bezorging_van_dezelfde_id_is_een_dubbele()
    {
        var dedup = new WebhookDeduplicator(capacity: 2);
        var verifier = Verifier(Secret);
        Assert.Equal(WebhookVerdict.Accepted, dedup.Check(verifier, Id, Timestamp, Signature, Body).Verdict);
        var dubbel = dedup.Check(verifier, Id, Timestamp, Signature, Body);
        Assert.Equal(WebhookVerdict.Duplicate, dubbel.Verdict);
        Assert.Equal(200, dubbel.SuggestedStatus);
        Assert.False(dedup.Seen("b"));
        Assert.False(dedup.Seen("c"));
        Assert.False(dedup.Seen(Id));
    }

    [Fact]
    public void een_ongeldig_geheim_is_een_fout() => Assert.Throws<ArgumentException>(() => new WebhookVerifier("whsec_***"));
}
