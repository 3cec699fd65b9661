using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RobuustOD.Domain;

namespace RobuustOD.EventStore;

/// <summary>
/// The ETag of an event-sourced resource is its version (the stream's, or the resource's own where a stream holds
/// several resources); writes send it back in If-Match so that a stale client gets 412 instead of overwriting a
/// change it never saw. Parsing happens here, at the edge; the write helper compares.
/// </summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    public static void SetETag(this HttpResponse response, long version) =>
        response.Headers.ETag = For(version);

    /// <summary>The request's <c>If-Match</c> as an expected version; null without one, 400 when it is not a list of entity tags.</summary>
    public static ExpectedVersion? ExpectedVersion(this HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Headers.IfMatch.ToString()))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(request.Headers.IfMatch.Select(v => v ?? string.Empty).ToList(), out var tags))
        {
            throw DomainRuleException.Invalid("If-Match", "If-Match moet een ETag zijn zoals \"3\" of *.");
        }

        // Weak tags never match: If-Match uses the strong comparison (RFC 9110 13.1.1).
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any))
            ? EventStore.ExpectedVersion.Any
            : EventStore.ExpectedVersion.OneOf([.. tags.Where(t => !t.IsWeak).Select(t => t.Tag.ToString())]);
    }
}
