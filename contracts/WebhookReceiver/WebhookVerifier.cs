using System.Security.Cryptography;
using System.Text;

namespace RobuustOD.WebhookReceiver;

/// <summary>The outcome of checking one request.</summary>
public enum WebhookVerdict
{
    /// <summary>Signed with one of the secrets, timestamp within tolerance, first time seen: process it.</summary>
    Accepted,

    /// <summary>Valid, but this webhook-id was processed before: acknowledge with 2xx and do nothing.</summary>
    Duplicate,

    /// <summary>A header is missing or malformed: answer 400.</summary>
    Malformed,

    /// <summary>The timestamp is too old or too far in the future (a replay): answer 401.</summary>
    Expired,

    /// <summary>No signature matches any secret: answer 401.</summary>
    BadSignature,
}

public sealed record WebhookCheck(WebhookVerdict Verdict, string? WebhookId, string Reason)
{
    public bool Process => Verdict == WebhookVerdict.Accepted;

    /// <summary>The HTTP status a receiver should answer: 2xx for accepted and duplicates (so the sender stops), 400/401 otherwise.</summary>
    public int SuggestedStatus => Verdict switch
    {
        WebhookVerdict.Accepted => 204,
        WebhookVerdict.Duplicate => 200,
        WebhookVerdict.Malformed => 400,
        _ => 401,
    };
}

/// <summary>
/// Verifies Standard Webhooks requests (https://www.standardwebhooks.com): <c>webhook-signature</c> holds one or more
/// space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the
/// base64 part of a <c>whsec_...</c> secret. Give it the current secret and, while a rotation's grace period runs, the
/// previous one too: any match is enough. The timestamp must lie within <see cref="Tolerance"/> of now, so a captured
/// request cannot be replayed later; <see cref="WebhookDeduplicator"/> catches replays within the window. Compare in
/// constant time; never log the secret.
/// </summary>
public sealed class WebhookVerifier
{
    private readonly byte[][] _keys;
    private readonly Func<DateTimeOffset> _now;

    public WebhookVerifier(IEnumerable<string> secrets, TimeSpan? tolerance = null, Func<DateTimeOffset>? now = null)
    {
        _keys = [.. secrets.Select(Key)];
        if (_keys.Length == 0)
        {
            throw new ArgumentException("At least one secret is needed.", nameof(secrets));
        }

        Tolerance = tolerance ?? TimeSpan.FromMinutes(5);
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    public WebhookVerifier(string secret, TimeSpan? tolerance = null)
        : this([secret], tolerance)
    {
    }

    public TimeSpan Tolerance { get; }

    /// <summary>Checks signature and timestamp (not duplicates: see <see cref="WebhookDeduplicator.Check"/>).</summary>
    public WebhookCheck Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookTimestamp) || string.IsNullOrEmpty(webhookSignature))
        {
            return new(WebhookVerdict.Malformed, webhookId, "webhook-id, webhook-timestamp and webhook-signature are required");
        }

        if (!long.TryParse(webhookTimestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return new(WebhookVerdict.Malformed, webhookId, "webhook-timestamp is not a number of seconds");
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if ((_now() - sent).Duration() > Tolerance)
        {
            return new(WebhookVerdict.Expired, webhookId, $"webhook-timestamp {sent:O} is outside the tolerance of {Tolerance}");
        }

        var signed = Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.");
        var content = new byte[signed.Length + body.Length];
        signed.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(signed.Length));
        var candidates = webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => TryBase64(s[3..]))
            .OfType<byte[]>()
            .ToList();
        foreach (var key in _keys)
        {
            var expected = HMACSHA256.HashData(key, content);
            if (candidates.Any(c => CryptographicOperations.FixedTimeEquals(c, expected)))
            {
                return new(WebhookVerdict.Accepted, webhookId, "signature valid");
            }
        }

        return new(WebhookVerdict.BadSignature, webhookId, "no v1 signature matches a secret");
    }

    private static byte[] Key(string secret)
    {
        var base64 = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret;
        return TryBase64(base64) ?? throw new ArgumentException("A secret is 'whsec_' followed by base64.", nameof(secret));
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[((value.Length * 3) + 3) / 4];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>
/// Remembers the webhook-ids processed (the CloudEvent id: stable across retries and replays), so a redelivery is
/// acknowledged without being processed twice. In memory and bounded (oldest forgotten first); a receiver that must
/// survive restarts stores the ids with its own data, in the same transaction, and uses <see cref="Seen"/>-style logic there.
/// </summary>
public sealed class WebhookDeduplicator(int capacity = 100_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time <paramref name="webhookId"/> is offered, false for every repeat.</summary>
    public bool Seen(string webhookId)
    {
        lock (_gate)
        {
            if (!_seen.Add(webhookId))
            {
                return true;
            }

            _order.Enqueue(webhookId);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return false;
        }
    }

    /// <summary>Verification and de-duplication together: what to do with one request.</summary>
    public WebhookCheck Check(WebhookVerifier verifier, string? webhookId, string? webhookTimestamp, string? webhookSignature, ReadOnlySpan<byte> body)
    {
        var check = verifier.Verify(webhookId, webhookTimestamp, webhookSignature, body);
        return check.Verdict == WebhookVerdict.Accepted && Seen(check.WebhookId!)
            ? check with { Verdict = WebhookVerdict.Duplicate, Reason = "webhook-id seen before" }
            : check;
    }
}
