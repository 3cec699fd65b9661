using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RobuustOD.ServiceDefaults.Problems;

namespace RobuustOD.ServiceDefaults.EventStore;

/// <summary>
/// The ETag of an event-sourced resource is its stream version; writes may send it back in
/// If-Match so that a stale client gets 412 instead of overwriting a change it never saw.
/// </summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    public static void SetETag(this HttpResponse response, long version) =>
        response.Headers.ETag = For(version);

    /// <summary>Throws 412 when If-Match names a version other than <paramref name="currentVersion"/>.</summary>
    public static void EnsureIfMatch(this HttpRequest request, long currentVersion)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(request.Headers.IfMatch.Select(v => v ?? string.Empty).ToList(), out var tags))
        {
            throw DomainRuleException.Invalid("If-Match", "If-Match moet een ETag zijn zoals \"3\" of *.");
        }

        var current = new EntityTagHeaderValue(For(currentVersion));
        if (!tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true)))
        {
            throw DomainRuleException.PreconditionFailed(
                $"If-Match {header} komt niet overeen met de actuele versie {For(currentVersion)}.");
        }
    }
}
