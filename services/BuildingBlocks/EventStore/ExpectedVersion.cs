using RobuustOD.Domain;

namespace RobuustOD.EventStore;

/// <summary>
/// The version a client expects a resource to have (the entity tags of its <c>If-Match</c>, parsed at the edge by
/// <see cref="ETags.ExpectedVersion"/>). A command carries it so that the write helper can refuse a stale write
/// with 412 without knowing anything about HTTP. <c>null</c> on a command: no precondition.
/// </summary>
public sealed record ExpectedVersion
{
    private readonly IReadOnlyList<string>? _tags;

    private ExpectedVersion(IReadOnlyList<string>? tags) => _tags = tags;

    /// <summary><c>If-Match: *</c>: any current version.</summary>
    public static ExpectedVersion Any { get; } = new((IReadOnlyList<string>?)null);

    /// <summary>Exactly this version.</summary>
    public static ExpectedVersion Of(long version) => new([ETags.For(version)]);

    /// <summary>One of these opaque entity tags (quoted, as in the header).</summary>
    public static ExpectedVersion OneOf(IReadOnlyList<string> tags) => new(tags);

    /// <summary>Throws 412 when the resource's current version is not an expected one.</summary>
    public void Check(long currentVersion)
    {
        var current = ETags.For(currentVersion);
        if (_tags is not null && !_tags.Contains(current, StringComparer.Ordinal))
        {
            throw DomainRuleException.PreconditionFailed(
                $"If-Match {string.Join(", ", _tags)} komt niet overeen met de actuele versie {current}.");
        }
    }
}
